//! CopyCat health-check Lambda
