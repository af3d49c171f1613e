//! Errors of the public API.

use pyjit_frontend::Diagnostic;
use pyjit_runtime::ExceptionKind;

/// A Python exception raised by compiled code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyException {
    /// The exception type.
    pub kind: ExceptionKind,
    /// The message, as CPython words it.
    pub message: String,
    /// The Python source line where it was raised.
    pub line: u32,
    /// The source file.
    pub file: String,
}

impl std::fmt::Display for PyException {
    /// `ExcType: message`, as the last line of a CPython traceback.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

/// Everything that can go wrong between Python source and a result.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The program is outside the language, or wrong; the diagnostic points
    /// at the source.
    #[error("{}", .0.render())]
    Compile(Diagnostic),
    /// The compiled code raised a Python exception.
    #[error("{0}")]
    Runtime(PyException),
    /// No C compiler, a C compile failure, or an unusable cache.
    #[error(transparent)]
    Toolchain(#[from] pyjit_runtime::Error),
    /// Arguments that do not fit the function.
    #[error("{0}")]
    Argument(String),
    /// A compiler bug: the optimizing tier could not handle a program the
    /// frontend accepted. Please report it with the program.
    #[error("internal compiler error: {0}")]
    Internal(String),
    /// A source file that cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Error {
        Error::Compile(d)
    }
}
