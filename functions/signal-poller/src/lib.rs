//! CopyCat signal-poller Lambda
