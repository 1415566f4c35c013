//! CopyCat bot-filter Lambda
