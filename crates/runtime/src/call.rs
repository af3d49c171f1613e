//! Calling a compiled entry function, and reading back the exception it
//! may have raised.

use std::ffi::{CStr, c_char, c_void};

use crate::abi::{ERROR_MESSAGE_LEN, EntryFn, ExceptionKind, Rt, Value};

/// A Python exception raised by compiled code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raised {
    /// The exception type.
    pub kind: ExceptionKind,
    /// The message CPython would give.
    pub message: String,
    /// The Python source line where it was raised (1-based; 0 if unknown).
    pub line: u32,
}

impl std::fmt::Display for Raised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind.name())
        } else {
            write!(f, "{}: {}", self.kind.name(), self.message)
        }
    }
}

/// The services compiled code asks of its host.
#[derive(Clone, Copy, Debug)]
pub struct Host {
    /// Passed back to every callback.
    pub context: *mut c_void,
    /// See [`Rt::alloc`].
    pub alloc: unsafe extern "C" fn(host: *mut c_void, bytes: i64) -> *mut c_void,
    /// See [`Rt::dealloc`].
    pub dealloc: unsafe extern "C" fn(host: *mut c_void, ptr: *mut c_void, bytes: i64),
    /// See [`Rt::write`].
    pub write: unsafe extern "C" fn(host: *mut c_void, text: *const c_char, len: i64),
    /// See [`Rt::write_f64`].
    pub write_f64: unsafe extern "C" fn(host: *mut c_void, value: f64),
    /// See [`Rt::write_f32`].
    pub write_f32: unsafe extern "C" fn(host: *mut c_void, value: f32),
}

impl Rt {
    /// A runtime record for one call: no error yet.
    pub fn new(host: Host, max_depth: i64, stack_limit: *mut c_char) -> Rt {
        Rt {
            err_kind: 0,
            err_line: 0,
            err_msg: [0; ERROR_MESSAGE_LEN],
            max_depth,
            stack_limit,
            host: host.context,
            alloc: host.alloc,
            dealloc: host.dealloc,
            write: host.write,
            write_f64: host.write_f64,
            write_f32: host.write_f32,
        }
    }

    /// The exception recorded, if any.
    pub fn raised(&self) -> Option<Raised> {
        let kind = ExceptionKind::from_code(self.err_kind)?;
        // SAFETY: the prelude always NUL-terminates the message within the
        // buffer, and the buffer was zeroed before the call.
        let message = unsafe { CStr::from_ptr(self.err_msg.as_ptr()) }
            .to_string_lossy()
            .into_owned();
        Some(Raised {
            kind,
            message,
            line: u32::try_from(self.err_line).unwrap_or(0),
        })
    }
}

/// Call an entry function.
///
/// # Safety
///
/// `entry` must come from a loaded library whose entry function takes
/// exactly `args` (same count, each slot of the compiled parameter type),
/// arrays must point at memory valid for their shapes for the whole call,
/// and every array the compiled code writes must be writable and not aliased
/// by a Rust reference during the call.
pub unsafe fn call(entry: EntryFn, rt: &mut Rt, args: &[Value]) -> Result<Value, Raised> {
    let mut ret = Value::zeroed();
    // SAFETY: the caller guarantees the argument slots; `rt` and `ret` are
    // valid for the call.
    let status = unsafe { entry(rt, args.as_ptr(), &mut ret) };
    if status == 0 {
        return Ok(ret);
    }
    Err(rt.raised().unwrap_or(Raised {
        kind: ExceptionKind::ValueError,
        message: format!(
            "compiled code failed with status {status} and no exception; this is a bug in pyjit"
        ),
        line: 0,
    }))
}
