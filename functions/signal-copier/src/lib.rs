//! CopyCat signal-copier Lambda
