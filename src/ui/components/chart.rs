//! A horizontal bar chart of section scores (0–100) in SVG, with the level bands as a backdrop.
//! The results page shows the same numbers in a table, which is the chart's text alternative.

use crate::t;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub score: Option<f64>,
    /// 0 = lowest band.
    pub band: usize,
}

// Integer geometry: SVG attributes are written without float formatting code in the wasm.
// Each row has its label on one line and its bar below it, so long section titles fit.
const BAR_W: i32 = 560;
const ROW_H: i32 = 46;
const PAD_RIGHT: i32 = 40;

fn scale(v: f64) -> i32 {
    (v.clamp(0.0, 100.0) * BAR_W as f64 / 100.0).round() as i32
}

/// Classes for band colours, lowest concern first.
fn band_class(band: usize, bands: usize) -> &'static str {
    let top = bands.saturating_sub(1).max(1);
    match (band * 3 + top / 2) / top {
        0 => "band-0",
        1 => "band-1",
        2 => "band-2",
        _ => "band-3",
    }
}

fn short(label: &str) -> String {
    if label.chars().count() > 70 {
        format!("{}…", label.chars().take(69).collect::<String>().trim_end())
    } else {
        label.to_string()
    }
}

#[component]
pub fn ScoreChart(
    bars: Vec<Bar>,
    bands: Vec<(f64, String)>,
    #[prop(into)] title: String,
) -> impl IntoView {
    let plot_h = bars.len() as i32 * ROW_H;
    let height = plot_h + 24;
    let width = BAR_W + PAD_RIGHT;
    let nbands = bands.len();
    let mut prev = 0.0;
    let backdrop = bands
        .iter()
        .enumerate()
        .map(|(i, (max, _))| {
            let x = scale(prev);
            let w = scale(*max) - scale(prev);
            prev = *max;
            view! { <rect x=x y="0" width=w height=plot_h class=format!("backdrop {}", band_class(i, nbands))/> }
        })
        .collect_view();
    let ticks = [0, 25, 50, 75, 100]
        .into_iter()
        .map(|t| {
            let x = scale(t as f64).clamp(8, BAR_W - 8);
            view! { <text x=x y=height - 6 class="tick" text-anchor="middle">{t}</text> }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as i32 * ROW_H;
            let (w, value) = match b.score {
                Some(s) => (scale(s), format!("{}", s.round() as i64)),
                None => (0, t!("not scored yet")),
            };
            view! {
                <text x="4" y=y + 15 class="bar-label">{short(&b.label)}</text>
                <rect x="0" y=y + 21 width=w.max(2) height="16" class=format!("bar {}", band_class(b.band, nbands))/>
                <text x=w.max(2) + 6 y=y + 34 class="bar-value">{value}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {width} {height}") role="img" aria-label=title preserveAspectRatio="xMinYMin meet">
            {backdrop}
            {rows}
            {ticks}
        </svg>
    }
}
