//! CopyCat notifier Lambda
