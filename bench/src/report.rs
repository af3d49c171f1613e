//! The Markdown of `RESULTS.md`: the machine line, the run-time table with
//! ratios to C, and the compile-latency tables.

use std::process::Command;
use std::time::Duration;

use crate::latency::{Latency, Phases};
use crate::measure::geometric_mean;

/// One measured cell of the run-time table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// The median time of one call, and whether the result was the C
    /// reference's, bit for bit.
    Timed {
        /// The median.
        median: Duration,
        /// The result was the reference's.
        matches: bool,
    },
    /// Not measured (the reason is in the notes).
    Missing,
}

/// One row of the run-time table: a case, and a cell per column (the
/// first column is C).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The kernel (the Python function).
    pub kernel: String,
    /// The size.
    pub size: String,
    /// The cells, in column order.
    pub cells: Vec<Cell>,
}

impl Row {
    /// Column `i`'s time over C's, if both were measured and the result
    /// matched.
    pub fn ratio(&self, i: usize) -> Option<f64> {
        match (&self.cells[0], &self.cells[i]) {
            (
                Cell::Timed { median: c, .. },
                Cell::Timed {
                    median,
                    matches: true,
                },
            ) if !c.is_zero() => Some(median.as_secs_f64() / c.as_secs_f64()),
            _ => None,
        }
    }
}

/// The geometric mean of column `i`'s ratios to C over `rows`, and how
/// many rows it covers.
pub fn column_geometric_mean(rows: &[Row], i: usize) -> (Option<f64>, usize) {
    let ratios: Vec<f64> = rows.iter().filter_map(|r| r.ratio(i)).collect();
    (geometric_mean(&ratios), ratios.len())
}

/// A duration with three significant digits: `850 ns`, `12.3 µs`,
/// `1.23 ms`, `4.56 s`.
pub fn format_duration(d: Duration) -> String {
    let seconds = d.as_secs_f64();
    let (value, unit) = if seconds >= 1.0 {
        (seconds, "s")
    } else if seconds >= 1e-3 {
        (seconds * 1e3, "ms")
    } else if seconds >= 1e-6 {
        (seconds * 1e6, "µs")
    } else {
        (seconds * 1e9, "ns")
    };
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    format!("{value:.decimals$} {unit}")
}

/// A ratio: `1.03`, `12.4`, `361`.
pub fn format_ratio(r: f64) -> String {
    if r >= 100.0 {
        format!("{r:.0}")
    } else if r >= 10.0 {
        format!("{r:.1}")
    } else {
        format!("{r:.2}")
    }
}

/// `| a | b |`.
fn markdown_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// The run-time table: kernel, size, C's median, then each other column's
/// median and its ratio to C; a last row with the geometric means.
pub fn run_table(columns: &[&str], rows: &[Row]) -> String {
    let mut heading = vec!["kernel".to_owned(), "size".to_owned()];
    let mut rule = vec!["---".to_owned(), "---".to_owned()];
    for (i, column) in columns.iter().enumerate() {
        heading.push((*column).to_owned());
        rule.push("---:".to_owned());
        if i > 0 {
            heading.push("×C".to_owned());
            rule.push("---:".to_owned());
        }
    }
    let mut out = markdown_row(&heading) + &markdown_row(&rule);
    for row in rows {
        let mut cells = vec![row.kernel.clone(), row.size.clone()];
        for (i, cell) in row.cells.iter().enumerate() {
            cells.push(match cell {
                Cell::Timed { median, .. } => format_duration(*median),
                Cell::Missing => "—".to_owned(),
            });
            if i > 0 {
                cells.push(match (cell, row.ratio(i)) {
                    (Cell::Timed { matches: false, .. }, _) => "wrong result".to_owned(),
                    (_, Some(r)) => format_ratio(r),
                    _ => "—".to_owned(),
                });
            }
        }
        out += &markdown_row(&cells);
    }
    let mut cells = vec![
        "**geometric mean**".to_owned(),
        String::new(),
        String::new(),
    ];
    for i in 1..columns.len() {
        let (mean, count) = column_geometric_mean(rows, i);
        cells.push(String::new());
        cells.push(match mean {
            Some(m) if count == rows.len() => format!("**{}**", format_ratio(m)),
            Some(m) => format!("**{}** ({count} of {})", format_ratio(m), rows.len()),
            None => "—".to_owned(),
        });
    }
    out += &markdown_row(&cells);
    out
}

/// One row of a latency table.
#[derive(Clone, Debug, PartialEq)]
pub struct LatencyRow {
    /// The kernel.
    pub kernel: String,
    /// The tier's name.
    pub tier: String,
    /// The medians.
    pub latency: Latency,
}

/// A compile-latency table, cold or cached.
pub fn latency_table(rows: &[LatencyRow], cached: bool) -> String {
    let heading: Vec<String> = [
        "kernel",
        "tier",
        "frontend",
        "IR",
        "passes",
        "C generation",
        "C compile",
        "load",
        "sum",
        "wall",
    ]
    .map(str::to_owned)
    .to_vec();
    let rule: Vec<String> = heading
        .iter()
        .enumerate()
        .map(|(i, _)| if i < 2 { "---" } else { "---:" }.to_owned())
        .collect();
    let mut out = markdown_row(&heading) + &markdown_row(&rule);
    for row in rows {
        let p: &Phases = if cached {
            &row.latency.cached
        } else {
            &row.latency.cold
        };
        // The fast tier has no IR and no passes; a cached library no C
        // compile.
        let unless = |absent: bool, d: Duration| {
            if absent {
                "—".to_owned()
            } else {
                format_duration(d)
            }
        };
        let fast = row.tier == "fast";
        out += &markdown_row(&[
            row.kernel.clone(),
            row.tier.clone(),
            format_duration(p.frontend),
            unless(fast, p.ir),
            unless(fast, p.passes),
            format_duration(p.codegen),
            unless(cached, p.c_compile),
            format_duration(p.load),
            format_duration(p.total),
            format_duration(p.wall),
        ]);
    }
    out
}

/// The machine: CPU model, cores, and the C compilers' versions.
pub fn machine_line() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let gcc = first_line("gcc", &["--version"]).unwrap_or_else(|| "no gcc".to_owned());
    let tcc = first_line("tcc", &["-v"]).unwrap_or_else(|| "no tcc".to_owned());
    format!("{cpu}, {cores} cores; {gcc}; {tcc}")
}

/// The 1-, 5- and 15-minute load averages (other work on the machine
/// makes every time longer; the round robin spreads it over all
/// implementations alike).
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The first line a command prints (on stdout, else stderr).
fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    let text = if output.stdout.is_empty() {
        output.stderr
    } else {
        output.stdout
    };
    String::from_utf8_lossy(&text)
        .lines()
        .next()
        .map(|l| l.trim().to_owned())
}

/// Today, from `date`.
pub fn date() -> String {
    first_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(|| "unknown date".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_keep_three_digits() {
        assert_eq!(format_duration(Duration::from_nanos(850)), "850 ns");
        assert_eq!(format_duration(Duration::from_nanos(12_345)), "12.3 µs");
        assert_eq!(format_duration(Duration::from_micros(1_234)), "1.23 ms");
        assert_eq!(format_duration(Duration::from_millis(4_560)), "4.56 s");
    }

    #[test]
    fn the_table_has_ratios_and_a_geometric_mean() {
        let ms = Duration::from_millis;
        let timed = |t, matches| Cell::Timed {
            median: ms(t),
            matches,
        };
        let rows = vec![
            Row {
                kernel: "dot".into(),
                size: "n = 10".into(),
                cells: vec![timed(2, true), timed(4, true), timed(2, false)],
            },
            Row {
                kernel: "fib".into(),
                size: "n = 3".into(),
                cells: vec![timed(1, true), timed(4, true), Cell::Missing],
            },
        ];
        let table = run_table(&["C", "fast", "optimized"], &rows);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(
            lines[2],
            "| dot | n = 10 | 2.00 ms | 4.00 ms | 2.00 | 2.00 ms | wrong result |"
        );
        assert_eq!(
            lines[3],
            "| fib | n = 3 | 1.00 ms | 4.00 ms | 4.00 | — | — |"
        );
        assert_eq!(
            lines[4],
            "| **geometric mean** |  |  |  | **2.83** |  | — |"
        );
    }
}
