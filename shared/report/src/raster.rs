//! A pixel canvas that plotters draws on, so a chart laid out for SVG can also be written as a
//! PNG: plotters' own rasterizer sets the pixels of lines and shapes, text is set in the bitmap
//! font of [`crate::glyphs`] (plotters has no font without a font file), and the `png` crate
//! encodes the result.

use crate::ReportError;
use crate::glyphs::{ADVANCE, CAP_HEIGHT, glyph, text_width};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use std::convert::Infallible;

/// An RGB image in memory, drawn on through [`DrawingBackend`].
pub struct Canvas {
    width: u32,
    height: u32,
    /// Three bytes per pixel, rows top first.
    rgb: Vec<u8>,
}

impl Canvas {
    /// A white canvas of `width` × `height` pixels.
    pub fn new(width: u32, height: u32) -> Self {
        Canvas { width, height, rgb: vec![0xff; width as usize * height as usize * 3] }
    }

    /// The canvas as a PNG file's bytes.
    pub fn to_png(&self) -> Result<Vec<u8>, ReportError> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(ReportError::Png)?;
        writer.write_image_data(&self.rgb).map_err(ReportError::Png)?;
        writer.finish().map_err(ReportError::Png)?;
        Ok(out)
    }

    /// The drawing area plotters draws a chart on.
    pub fn area(&mut self) -> DrawingArea<&mut Canvas, Shift> {
        self.into_drawing_area()
    }
}

/// Image pixels per glyph pixel for a font of `size`: the charts' labels (size 13) are set at one,
/// the title (16) at two, close to the sizes the SVG gives them.
fn scale(size: f64) -> i32 {
    ((size / 8.0).floor() as i32).max(1)
}

impl DrawingBackend for &mut Canvas {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    /// Blends `color` over the pixel by its alpha; points off the canvas are dropped.
    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 || color.alpha <= 0.0 {
            return Ok(());
        }
        let at = (y as usize * self.width as usize + x as usize) * 3;
        let alpha = color.alpha.min(1.0);
        let (r, g, b) = color.rgb;
        for (dst, src) in self.rgb[at..at + 3].iter_mut().zip([r, g, b]) {
            *dst = (f64::from(src) * alpha + f64::from(*dst) * (1.0 - alpha)).round() as u8;
        }
        Ok(())
    }

    /// Sets `text` in the bitmap font, placed by the style's anchor as the SVG backend places it.
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        let k = scale(style.size());
        let (w, h) = (text_width(text) * k, CAP_HEIGHT * k);
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0,
            HPos::Center => -w / 2,
            HPos::Right => -w,
        };
        let dy = match anchor.v_pos {
            VPos::Top => 0,
            VPos::Center => -h / 2,
            VPos::Bottom => -h,
        };
        let turn = style.transform();
        for (i, c) in text.chars().enumerate() {
            let left = dx + i as i32 * ADVANCE * k;
            for (row, bits) in glyph(c).iter().enumerate() {
                for col in 0..5 {
                    if bits & (1 << (4 - col)) == 0 {
                        continue;
                    }
                    for (sx, sy) in (0..k).flat_map(|sx| (0..k).map(move |sy| (sx, sy))) {
                        let (x, y) = turn.transform(left + col * k + sx, dy + row as i32 * k + sy);
                        self.draw_pixel((pos.0 + x, pos.1 + y), color)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let k = scale(style.size());
        Ok(((text_width(text) * k) as u32, (CAP_HEIGHT * k) as u32))
    }
}

/// A decoded PNG, for tests that look at the pixels.
#[cfg(test)]
pub(crate) struct Decoded {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Three bytes per pixel, rows top first.
    pub rgb: Vec<u8>,
}

#[cfg(test)]
impl Decoded {
    /// Decodes `png`, which must be 8-bit RGB (what [`Canvas::to_png`] writes).
    pub fn new(png: &[u8]) -> Self {
        let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().expect("a PNG header");
        let mut rgb = vec![0; reader.output_buffer_size().expect("a sane size")];
        let info = reader.next_frame(&mut rgb).expect("the image data");
        assert_eq!((info.color_type, info.bit_depth), (png::ColorType::Rgb, png::BitDepth::Eight));
        rgb.truncate(info.buffer_size());
        Decoded { width: info.width, height: info.height, rgb }
    }

    /// The pixel at (x, y).
    pub fn at(&self, x: u32, y: u32) -> [u8; 3] {
        let i = ((y * self.width + x) * 3) as usize;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn a_half_transparent_pixel_is_blended_with_the_white_below() {
        let mut canvas = Canvas::new(4, 4);
        canvas.area().draw_pixel((1, 2), &RGBColor(0, 0, 0).mix(0.5)).unwrap();
        let image = Decoded::new(&canvas.to_png().unwrap());
        assert_eq!((image.width, image.height), (4, 4));
        assert_eq!(image.at(1, 2), [128, 128, 128]);
        assert_eq!(image.at(2, 1), [255, 255, 255], "only the pixel drawn changes");
    }

    #[test]
    fn text_is_set_from_its_anchor_in_the_bitmap_font() {
        let mut canvas = Canvas::new(40, 20);
        let style = TextStyle::from(("sans-serif", 13).into_font())
            .color(&BLACK)
            .pos(plotters_backend::text_anchor::Pos::new(HPos::Right, VPos::Top));
        canvas.area().draw_text("1", &style, (30, 5)).unwrap();
        let image = Decoded::new(&canvas.to_png().unwrap());
        // '1' is five pixels wide ending at x = 30: its foot (.###.) spans x 26..=28 on row 5 + 6.
        assert_eq!(image.at(27, 11), [0, 0, 0]);
        assert_eq!(image.at(25, 11), [255, 255, 255]);
        assert_eq!(image.at(27, 12), [255, 255, 255], "the glyph ends at the baseline");
    }

    #[test]
    fn a_larger_font_is_set_at_twice_the_size() {
        let mut canvas = Canvas::new(40, 40);
        let small = TextStyle::from(("sans-serif", 13).into_font());
        let large = TextStyle::from(("sans-serif", 16).into_font());
        let area = canvas.area();
        assert_eq!(area.estimate_text_size("ab", &small).unwrap(), (11, 7));
        assert_eq!(area.estimate_text_size("ab", &large).unwrap(), (22, 14));
    }

    #[test]
    fn off_canvas_points_are_dropped() {
        let mut canvas = Canvas::new(2, 2);
        let area = canvas.area();
        area.draw_pixel((-1, 0), &BLACK).unwrap();
        area.draw_pixel((0, 5), &BLACK).unwrap();
        drop(area);
        assert!(canvas.rgb.iter().all(|b| *b == 0xff));
    }
}
