//! Diagnostics: what the frontend says when it rejects a program.
//!
//! A diagnostic is a message, a kind, labelled spans into one source file,
//! and help lines that say what to write instead. It renders as a code frame
//! in the style of rustc and ruff (file:line:col, the source line, a caret
//! under the span) through `annotate-snippets`, the renderer rustc uses.
//!
//! Messages follow STYLE.md: lowercase, Python words, code in backticks.

use std::fmt;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::source::{SourceFile, Span};

/// What sort of rejection a diagnostic is. Tools and tests match on this;
/// people read the message.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum DiagnosticKind {
    /// The bytes are not UTF-8, or the file is too large.
    Encoding,
    /// A token Python does not have: an invalid character, a malformed
    /// number, an unterminated string.
    Lexical,
    /// Indentation that Python rejects: `unexpected indent`, inconsistent
    /// tabs and spaces, a dedent to no outer level.
    Indentation,
    /// The tokens do not form a Python program.
    Syntax,
    /// Valid Python that pyjit does not compile; the message names the
    /// construct and the help says what to write instead.
    Unsupported,
    /// A name that nothing binds.
    UnknownName,
    /// Values of types that do not go together.
    TypeMismatch,
    /// A call with the wrong number of arguments.
    ArgumentCount,
    /// A module-level name that is not a constant pyjit can freeze.
    NonConstantGlobal,
    /// A signature string or annotation pyjit cannot read, or arguments that
    /// do not fit it.
    Signature,
    /// A type that cannot be inferred (recursion with no base case, a
    /// function that mixes `return` with and without a value).
    Inference,
    /// A program beyond one of the frontend's limits (nesting depth).
    Limit,
    /// The function asked for is not in the file.
    NotFound,
}

/// A labelled span: the primary label carries the caret, secondary labels
/// point at related places (the other assignment of a variable, say).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there; may be empty.
    pub message: String,
    /// Whether this is the main location of the diagnostic.
    pub primary: bool,
}

/// A rejected program, with everything needed to render it.
///
/// Boxed inside so that `Result<T, Diagnostic>` stays one word wide.
#[derive(Clone)]
pub struct Diagnostic(Box<Inner>);

#[derive(Clone)]
struct Inner {
    kind: DiagnosticKind,
    message: String,
    source: Option<Arc<SourceFile>>,
    labels: Vec<Label>,
    help: Vec<String>,
    notes: Vec<String>,
}

impl Diagnostic {
    /// A diagnostic with a message and no location yet.
    pub fn new(kind: DiagnosticKind, message: impl Into<String>) -> Diagnostic {
        Diagnostic(Box::new(Inner {
            kind,
            message: message.into(),
            source: None,
            labels: Vec::new(),
            help: Vec::new(),
            notes: Vec::new(),
        }))
    }

    /// Attach the file the labels point into. Builders in the frontend attach
    /// it at the boundary where the file is known, so inner code can build
    /// diagnostics from spans alone.
    pub fn with_source(mut self, source: Arc<SourceFile>) -> Diagnostic {
        self.0.source = Some(source);
        self
    }

    /// Attach the file if none is attached yet.
    pub fn or_source(mut self, source: &Arc<SourceFile>) -> Diagnostic {
        if self.0.source.is_none() {
            self.0.source = Some(source.clone());
        }
        self
    }

    /// Add the primary label (the caret).
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.0.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    /// Add a secondary label.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.0.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    /// Add a help line: what to write instead.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.0.help.push(help.into());
        self
    }

    /// Add a note: a fact that explains the error.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.0.notes.push(note.into());
        self
    }

    /// The kind of rejection.
    pub fn kind(&self) -> DiagnosticKind {
        self.0.kind
    }

    /// The one-line message.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The labels, primary first as added.
    pub fn labels(&self) -> &[Label] {
        &self.0.labels
    }

    /// The help lines.
    pub fn help(&self) -> &[String] {
        &self.0.help
    }

    /// The notes.
    pub fn notes(&self) -> &[String] {
        &self.0.notes
    }

    /// The file the labels point into, if any.
    pub fn source(&self) -> Option<&Arc<SourceFile>> {
        self.0.source.as_ref()
    }

    /// The span of the first primary label.
    pub fn primary_span(&self) -> Option<Span> {
        self.0
            .labels
            .iter()
            .find(|label| label.primary)
            .map(|label| label.span)
    }

    /// Render as plain text: `error: message`, then the code frame with
    /// `--> file:line:col`, then `= help:` and `= note:` lines.
    pub fn render(&self) -> String {
        self.render_with(Renderer::plain())
    }

    /// Render with ANSI colours, for terminals.
    pub fn render_styled(&self) -> String {
        self.render_with(Renderer::styled())
    }

    fn render_with(&self, renderer: Renderer) -> String {
        let inner = &*self.0;
        let title = Level::ERROR.primary_title(inner.message.as_str());
        let mut group = match &inner.source {
            Some(source) if !inner.labels.is_empty() => {
                let text = source.text();
                let mut snippet = Snippet::source(text).path(source.name()).line_start(1);
                for label in &inner.labels {
                    let kind = if label.primary {
                        AnnotationKind::Primary
                    } else {
                        AnnotationKind::Context
                    };
                    let range = clamp(label.span, text);
                    snippet = snippet.annotation(kind.span(range).label(label.message.as_str()));
                }
                title.element(snippet)
            }
            _ => Group::with_title(title),
        };
        for note in &inner.notes {
            group = group.element(Level::NOTE.message(note.as_str()));
        }
        for help in &inner.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group]).to_string()
    }
}

/// Keep a span inside the text and on character boundaries, so a label can
/// never make the renderer slice through a UTF-8 sequence.
fn clamp(span: Span, text: &str) -> std::ops::Range<usize> {
    let mut start = (span.start as usize).min(text.len());
    let mut end = (span.end as usize).clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

impl fmt::Debug for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diagnostic")
            .field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .field("labels", &self.0.labels)
            .field("help", &self.0.help)
            .finish()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostic {}

/// A type with its article, for prose: "an `int`", "a `float64[:]`".
pub fn a_type(ty: crate::types::Type) -> String {
    let name = ty.python_name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} `{name}`")
}

/// The closest of `candidates` to `name`, for "did you mean" help, if any is
/// close enough to be a plausible typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let score = strsim::jaro_winkler(name, candidate);
        let close = score >= 0.85 || strsim::levenshtein(name, candidate) <= name.len().min(6) / 3;
        if close && best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_code_frame_with_help() {
        let source = SourceFile::new("k.py", "def f(a):\n    return a @ a\n");
        let text = Diagnostic::new(DiagnosticKind::Unsupported, "pyjit does not support `@`")
            .with_source(source)
            .with_label(Span::new(21, 26), "matrix multiplication")
            .with_help("write the loops")
            .render();
        expect_test::expect![[r#"
            error: pyjit does not support `@`
             --> k.py:2:12
              |
            2 |     return a @ a
              |            ^^^^^ matrix multiplication
              |
              = help: write the loops"#]]
        .assert_eq(&text);
    }

    #[test]
    fn closest_finds_typos_only() {
        assert_eq!(
            closest("lenght", ["len", "length", "range"]),
            Some("length")
        );
        assert_eq!(closest("sqrtt", ["sqrt", "exp"]), Some("sqrt"));
        assert_eq!(closest("zebra", ["sqrt", "exp"]), None);
    }
}
