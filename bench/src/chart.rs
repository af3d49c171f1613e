//! The chart of ratios to C: a grouped horizontal bar chart, one group per
//! case and a bar per column, on a logarithmic axis (ratios run from
//! under 1 to hundreds), written as plain SVG with the viewer's own
//! sans-serif font.

use std::fmt::Write as _;

/// A column of the chart: its name and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Series {
    /// The legend text.
    pub label: &'static str,
    /// An SVG colour.
    pub color: &'static str,
}

/// A group of bars: a case, and each series' ratio (`None`: no bar).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The label on the left.
    pub label: String,
    /// A ratio per series.
    pub ratios: Vec<Option<f64>>,
}

/// The width of the plot area, between the labels and the right margin.
const PLOT: f64 = 620.0;
const RIGHT: f64 = 40.0;
/// The width of a character of an 11-pixel sans-serif font, about.
const CHAR: f64 = 6.5;
const TOP: f64 = 60.0;
const BAR: f64 = 9.0;
const GROUP_GAP: f64 = 10.0;
const AXIS: f64 = 30.0;

/// The SVG text of the chart.
pub fn render(title: &str, series: &[Series], groups: &[Group]) -> String {
    let ratios = || {
        groups
            .iter()
            .flat_map(|g| g.ratios.iter().flatten().copied())
    };
    let low = ratios().fold(1.0f64, f64::min).min(0.5);
    let high = ratios().fold(1.0f64, f64::max).max(2.0);
    // The axis ends on ticks (1, 2 or 5 times a power of ten).
    let ticks = |from: f64, to: f64| {
        let mut ticks = Vec::new();
        for decade in (from.log10().floor() as i32 - 1)..=(to.log10().ceil() as i32) {
            for step in [1.0, 2.0, 5.0] {
                ticks.push(10f64.powi(decade) * step);
            }
        }
        ticks
    };
    let all = ticks(low, high);
    let axis_low = all
        .iter()
        .rev()
        .find(|&&t| t <= low * (1.0 + 1e-9))
        .copied()
        .unwrap_or(low);
    let axis_high = all
        .iter()
        .find(|&&t| t >= high * (1.0 - 1e-9))
        .copied()
        .unwrap_or(high);
    let (min_log, max_log) = (axis_low.log10(), axis_high.log10());
    // Room on the left for the longest group label.
    let longest = groups
        .iter()
        .map(|g| g.label.chars().count())
        .max()
        .unwrap_or(0);
    let left = 20.0 + CHAR * longest as f64;
    let width = left + PLOT + RIGHT;
    let plot = PLOT;
    let x = |ratio: f64| left + (ratio.log10() - min_log) / (max_log - min_log) * plot;
    let group_height = series.len() as f64 * BAR + GROUP_GAP;
    let height = TOP + groups.len() as f64 * group_height + AXIS;
    let bottom = height - AXIS;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="white"/><text x="{left}" y="18" font-size="14" font-weight="bold">{}</text>"#,
        escape(title)
    );
    // The legend, in one line under the title.
    let mut legend_x = left;
    for s in series {
        let _ = writeln!(
            svg,
            r#"<rect x="{legend_x}" y="30" width="12" height="10" fill="{}"/><text x="{}" y="39">{}</text>"#,
            s.color,
            legend_x + 16.0,
            escape(s.label)
        );
        legend_x += 24.0 + 7.0 * s.label.len() as f64;
    }
    // Grid lines and tick labels at 1, 2 and 5 of each decade.
    for ratio in all
        .into_iter()
        .filter(|&t| t >= axis_low * 0.999 && t <= axis_high * 1.001)
    {
        let at = x(ratio);
        let (stroke, dash) = if (ratio - 1.0).abs() < 1e-9 {
            ("#333", "")
        } else {
            ("#ddd", r#" stroke-dasharray="2,3""#)
        };
        let _ = writeln!(
            svg,
            r#"<line x1="{at:.1}" y1="{TOP}" x2="{at:.1}" y2="{bottom}" stroke="{stroke}"{dash}/><text x="{at:.1}" y="{}" text-anchor="middle">{}×</text>"#,
            bottom + 14.0,
            tick_label(ratio)
        );
    }
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="{}" text-anchor="middle">time / hand-written C (log scale; left of 1× is faster than C)</text>"#,
        left + plot / 2.0,
        bottom + 27.0
    );
    for (g, group) in groups.iter().enumerate() {
        let top = TOP + g as f64 * group_height;
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 8.0,
            top + series.len() as f64 * BAR / 2.0 + 4.0,
            escape(&group.label)
        );
        for (s, ratio) in group.ratios.iter().enumerate() {
            let Some(ratio) = *ratio else { continue };
            let y = top + s as f64 * BAR;
            let (from, to) = (x(1.0), x(ratio));
            let _ = writeln!(
                svg,
                r#"<rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{}: {:.3}×</title></rect><text x="{:.1}" y="{:.1}" font-size="8">{}</text>"#,
                from.min(to),
                (to - from).abs().max(0.5),
                BAR - 1.0,
                series[s].color,
                escape(series[s].label),
                ratio,
                from.max(to) + 3.0,
                y + BAR - 2.0,
                crate::report::format_ratio(ratio)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// `0.5`, `1`, `20`.
fn tick_label(ratio: f64) -> String {
    if ratio >= 1.0 {
        format!("{ratio:.0}")
    } else {
        let text = format!("{ratio:.3}");
        text.trim_end_matches('0').to_owned()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_ticks_are_drawn() {
        let series = [
            Series {
                label: "fast",
                color: "#e69f00",
            },
            Series {
                label: "optimized",
                color: "#0072b2",
            },
        ];
        let groups = vec![Group {
            label: "gemm <256>".to_owned(),
            ratios: vec![Some(5.0), None],
        }];
        let svg = render("ratios", &series, &groups);
        assert!(svg.starts_with("<svg"));
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<title>").count(), 1);
        assert!(svg.contains("gemm &lt;256&gt;"));
        assert!(svg.contains(">0.5×<") && svg.contains(">5×<"));
        assert!(!svg.contains(">10×<"));
    }
}
