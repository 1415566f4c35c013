//! CopyCat discovery Lambda
