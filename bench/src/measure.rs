//! Run time: each implementation's calls are batched into samples of at
//! least [`Settings::sample`], the implementations take turns sample by
//! sample (round robin, starting one further each round, so that a slow
//! phase of the machine falls on all of them alike), and the median
//! sample, divided by its calls, is the time of one call. Each sample (and
//! the calibration) follows one untimed call, so that every column is
//! timed warm: no page faults of new arrays, no cache emptied by the
//! previous column's turn.

use std::time::Duration;

use crate::cases::Inputs;
use crate::implementations::Callable;

/// How long and how often to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Samples per implementation (the median is taken).
    pub samples: usize,
    /// The least time of one sample: calls are repeated until it is
    /// reached.
    pub sample: Duration,
}

impl Settings {
    /// For `RESULTS.md`.
    pub const FULL: Settings = Settings {
        samples: 21,
        sample: Duration::from_millis(20),
    };

    /// For a quick look.
    pub const QUICK: Settings = Settings {
        samples: 3,
        sample: Duration::from_millis(5),
    };
}

/// The calls per sample that make a sample last `target`: from one call,
/// ten times more until the time is measurable, then scaled.
pub fn calibrate(
    callable: &Callable<'_>,
    inputs: &mut Inputs,
    pristine: Option<&Inputs>,
    target: Duration,
) -> Result<u64, String> {
    let mut reps = 1u64;
    loop {
        let elapsed = callable.time(inputs, reps, pristine)?;
        if elapsed >= target / 4 || reps >= 1 << 30 {
            let scaled = reps as f64 * target.as_secs_f64() / elapsed.as_secs_f64().max(1e-9);
            return Ok((scaled.ceil() as u64).max(1));
        }
        reps *= 10;
    }
}

/// The median time of one call of each of `callables` (with its own
/// inputs), measured round robin. Inputs are restored from `pristine`
/// before each call when given.
pub fn medians(
    callables: &[&Callable<'_>],
    inputs: &mut [Inputs],
    pristine: Option<&Inputs>,
    settings: Settings,
) -> Result<Vec<Duration>, String> {
    // Every timing starts after one untimed call. Before calibrating, that
    // call pays the page faults of freshly allocated arrays (a first call of
    // jacobi2d on new zeroed memory took 5-9 ms against 0.45 ms warm, so one
    // column got 4 calls per sample and another 30). Before each sample, it
    // brings back into the cache the arrays the other columns' turns
    // evicted, so that a column with few calls per sample is not charged a
    // cold start that one with many calls spreads thin.
    let mut reps = Vec::with_capacity(callables.len());
    for (callable, inputs) in callables.iter().zip(inputs.iter_mut()) {
        callable.time(inputs, 1, pristine)?;
        reps.push(calibrate(callable, inputs, pristine, settings.sample)?);
    }
    let mut samples = vec![Vec::with_capacity(settings.samples); callables.len()];
    for round in 0..settings.samples {
        for k in 0..callables.len() {
            let i = (round + k) % callables.len();
            callables[i].time(&mut inputs[i], 1, pristine)?;
            let elapsed = callables[i].time(&mut inputs[i], reps[i], pristine)?;
            samples[i].push(elapsed.div_f64(reps[i] as f64));
        }
    }
    Ok(samples.into_iter().map(median).collect())
}

/// The median (the lower middle one of an even count).
pub fn median(mut values: Vec<Duration>) -> Duration {
    values.sort_unstable();
    values
        .get(values.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default()
}

/// The geometric mean of positive ratios (`None` for none).
pub fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    if ratios.is_empty() {
        return None;
    }
    let log_sum: f64 = ratios.iter().map(|r| r.ln()).sum();
    Some((log_sum / ratios.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let ms = Duration::from_millis;
        assert_eq!(median(vec![ms(3), ms(1), ms(2)]), ms(2));
        assert_eq!(median(vec![ms(4), ms(1), ms(3), ms(2)]), ms(2));
        assert_eq!(median(Vec::new()), Duration::ZERO);
    }

    #[test]
    fn geometric_mean_of_ratios() {
        let mean = geometric_mean(&[2.0, 8.0]).expect("a mean");
        assert!((mean - 4.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[]), None);
    }
}
