//! The binary interface between Rust and compiled code, in both languages.
//!
//! Every compiled library exports two symbols:
//! - `int pyjit_abi(void)`, which returns [`ABI_VERSION`], so a stale cached
//!   library is never called with a layout it does not know;
//! - `int pyjit_entry(pj_rt *rt, const pj_value *args, pj_value *ret)`, the
//!   one wrapper of the compiled entry function: arguments in, result out,
//!   status back (0, or an exception kind with the error record filled in).
//!
//! One function-pointer type ([`EntryFn`]) thus calls any signature, with no
//! libffi. The C definitions are [`C_HEADER`], which the code generator puts
//! at the top of every file; the Rust mirrors are below, and a test compiles
//! the header and checks that sizes and offsets agree.

use std::ffi::{c_char, c_void};

/// Bumped whenever a layout or a symbol below changes.
pub const ABI_VERSION: i32 = 2;

/// The signature of `pyjit_entry`.
pub type EntryFn = unsafe extern "C" fn(rt: *mut Rt, args: *const Value, ret: *mut Value) -> i32;

/// The signature of `pyjit_abi`.
pub type AbiFn = unsafe extern "C" fn() -> i32;

/// The header of a block of memory allocated for an array by compiled code;
/// the array's data starts [`MEMINFO_SIZE`] bytes after it.
#[repr(C)]
#[derive(Debug)]
pub struct MemInfo {
    /// References held by arrays; freed at zero.
    pub refcount: i64,
    /// Size of the whole block (header included), for the deallocator.
    pub bytes: i64,
}

/// Size of [`MemInfo`]; data is 16-byte aligned after it.
pub const MEMINFO_SIZE: usize = 16;

/// An array crossing the boundary: C-contiguous data and its shape. `owner`
/// is null for memory the caller owns (borrowed), and points at the
/// [`MemInfo`] of memory compiled code allocated.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Array {
    /// First element.
    pub data: *mut c_void,
    /// Extents; the second is 1 for a 1-D array.
    pub shape: [i64; 2],
    /// The allocation holding `data`, or null.
    pub owner: *mut MemInfo,
}

/// One argument or result slot.
#[repr(C)]
#[derive(Clone, Copy)]
pub union Value {
    /// An `int64`.
    pub i64: i64,
    /// An `int32`.
    pub i32: i32,
    /// A `float64`.
    pub f64: f64,
    /// A `float32`.
    pub f32: f32,
    /// A `bool` (0 or 1).
    pub b: u8,
    /// An array.
    pub array: Array,
}

impl Value {
    /// A zeroed slot.
    pub fn zeroed() -> Value {
        Value {
            array: Array {
                data: std::ptr::null_mut(),
                shape: [0, 0],
                owner: std::ptr::null_mut(),
            },
        }
    }
}

/// Length of the error message buffer, NUL included.
pub const ERROR_MESSAGE_LEN: usize = 256;

/// The runtime record every compiled function receives: the error record,
/// the recursion guard, and the services of the host (allocation, output).
#[repr(C)]
pub struct Rt {
    /// The exception raised ([`ExceptionKind`] as a number), 0 if none.
    pub err_kind: i32,
    /// The Python source line where it was raised.
    pub err_line: i32,
    /// The message, NUL-terminated.
    pub err_msg: [c_char; ERROR_MESSAGE_LEN],
    /// `RecursionError` past this many frames of recursive compiled
    /// functions (compiled code passes the depth as an argument).
    pub max_depth: i64,
    /// `RecursionError` when the stack pointer goes below this address.
    pub stack_limit: *mut c_char,
    /// The host's context, passed back to the callbacks.
    pub host: *mut c_void,
    /// Allocate `bytes` zeroed, 16-byte aligned; null on failure.
    pub alloc: unsafe extern "C" fn(host: *mut c_void, bytes: i64) -> *mut c_void,
    /// Free a block from `alloc`.
    pub dealloc: unsafe extern "C" fn(host: *mut c_void, ptr: *mut c_void, bytes: i64),
    /// Write text to the program's output (`print`).
    pub write: unsafe extern "C" fn(host: *mut c_void, text: *const c_char, len: i64),
    /// Write a `float64` as Python's `str()` does.
    pub write_f64: unsafe extern "C" fn(host: *mut c_void, value: f64),
    /// Write a `float32` as NumPy's `str()` does.
    pub write_f32: unsafe extern "C" fn(host: *mut c_void, value: f32),
}

/// The Python exceptions compiled code raises, with their numbers in the
/// error record.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[repr(i32)]
pub enum ExceptionKind {
    /// `ZeroDivisionError`
    ZeroDivisionError = 1,
    /// `IndexError`
    IndexError = 2,
    /// `ValueError`
    ValueError = 3,
    /// `OverflowError`
    OverflowError = 4,
    /// `AssertionError`
    AssertionError = 5,
    /// `RecursionError`
    RecursionError = 6,
    /// `MemoryError`
    MemoryError = 7,
    /// `UnboundLocalError`
    UnboundLocalError = 8,
}

impl ExceptionKind {
    /// Every kind, in number order.
    pub const ALL: [ExceptionKind; 8] = [
        ExceptionKind::ZeroDivisionError,
        ExceptionKind::IndexError,
        ExceptionKind::ValueError,
        ExceptionKind::OverflowError,
        ExceptionKind::AssertionError,
        ExceptionKind::RecursionError,
        ExceptionKind::MemoryError,
        ExceptionKind::UnboundLocalError,
    ];

    /// The kind with this number.
    pub fn from_code(code: i32) -> Option<ExceptionKind> {
        ExceptionKind::ALL
            .iter()
            .copied()
            .find(|k| *k as i32 == code)
    }

    /// The Python name.
    pub fn name(self) -> &'static str {
        match self {
            ExceptionKind::ZeroDivisionError => "ZeroDivisionError",
            ExceptionKind::IndexError => "IndexError",
            ExceptionKind::ValueError => "ValueError",
            ExceptionKind::OverflowError => "OverflowError",
            ExceptionKind::AssertionError => "AssertionError",
            ExceptionKind::RecursionError => "RecursionError",
            ExceptionKind::MemoryError => "MemoryError",
            ExceptionKind::UnboundLocalError => "UnboundLocalError",
        }
    }

    /// The macro naming it in C (`PJ_ZeroDivisionError`).
    pub fn c_name(self) -> String {
        format!("PJ_{}", self.name())
    }
}

/// The C definitions of this module, for the top of every generated file.
/// Generated code includes no system header: the integer types are its own.
pub const C_HEADER: &str = r#"typedef long long pj_i64;
typedef unsigned long long pj_u64;
typedef int pj_i32;
typedef unsigned int pj_u32;
typedef unsigned char pj_u8;

typedef struct pj_meminfo { pj_i64 refcount; pj_i64 bytes; } pj_meminfo;
typedef struct pj_array { void *data; pj_i64 shape[2]; pj_meminfo *owner; } pj_array;
typedef union pj_value { pj_i64 i64; pj_i32 i32; double f64; float f32; pj_u8 b; pj_array array; } pj_value;
typedef struct pj_rt {
    pj_i32 err_kind;
    pj_i32 err_line;
    char err_msg[256];
    pj_i64 max_depth;
    char *stack_limit;
    void *host;
    void *(*alloc)(void *host, pj_i64 bytes);
    void (*dealloc)(void *host, void *ptr, pj_i64 bytes);
    void (*write)(void *host, const char *text, pj_i64 len);
    void (*write_f64)(void *host, double value);
    void (*write_f32)(void *host, float value);
} pj_rt;

#define PJ_ABI_VERSION 2
#define PJ_MEMINFO_SIZE 16
#define PJ_ERROR_MESSAGE_LEN 256
#define PJ_ZeroDivisionError 1
#define PJ_IndexError 2
#define PJ_ValueError 3
#define PJ_OverflowError 4
#define PJ_AssertionError 5
#define PJ_RecursionError 6
#define PJ_MemoryError 7
#define PJ_UnboundLocalError 8
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{offset_of, size_of};

    #[test]
    fn the_header_states_the_same_numbers() {
        assert!(C_HEADER.contains(&format!("#define PJ_ABI_VERSION {ABI_VERSION}")));
        assert!(C_HEADER.contains(&format!("#define PJ_MEMINFO_SIZE {MEMINFO_SIZE}")));
        assert!(C_HEADER.contains(&format!("char err_msg[{ERROR_MESSAGE_LEN}];")));
        for kind in ExceptionKind::ALL {
            assert!(
                C_HEADER.contains(&format!("#define {} {}", kind.c_name(), kind as i32)),
                "{kind:?}"
            );
            assert_eq!(ExceptionKind::from_code(kind as i32), Some(kind));
        }
        assert_eq!(size_of::<MemInfo>(), MEMINFO_SIZE);
    }

    /// Compile the header with the system C compiler and compare every size
    /// and offset with the Rust mirrors.
    #[test]
    fn the_c_layout_matches_the_rust_layout() {
        let Some(compiler) =
            crate::compiler::Compiler::discover(&crate::compiler::Discovery::default()).ok()
        else {
            return; // No C compiler: nothing compiled code could run on either.
        };
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("layout.c");
        let program = format!(
            "{C_HEADER}\nint printf(const char *, ...);\n#define OFF(T, F) ((long)&((T *)0)->F)\nint main(void) {{ printf(\"%ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld\\n\", (long)sizeof(pj_array), OFF(pj_array, owner), (long)sizeof(pj_value), (long)sizeof(pj_rt), OFF(pj_rt, err_line), OFF(pj_rt, err_msg), OFF(pj_rt, max_depth), OFF(pj_rt, stack_limit), OFF(pj_rt, host), OFF(pj_rt, alloc), OFF(pj_rt, write), OFF(pj_rt, write_f32)); return 0; }}\n"
        );
        std::fs::write(&c, program).unwrap();
        let exe = dir.path().join("layout");
        let status = std::process::Command::new(&compiler.path)
            .arg("-o")
            .arg(&exe)
            .arg(&c)
            .status()
            .unwrap();
        assert!(status.success());
        let output = std::process::Command::new(&exe).output().unwrap();
        let numbers: Vec<usize> = String::from_utf8(output.stdout)
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(
            numbers,
            [
                size_of::<Array>(),
                offset_of!(Array, owner),
                size_of::<Value>(),
                size_of::<Rt>(),
                offset_of!(Rt, err_line),
                offset_of!(Rt, err_msg),
                offset_of!(Rt, max_depth),
                offset_of!(Rt, stack_limit),
                offset_of!(Rt, host),
                offset_of!(Rt, alloc),
                offset_of!(Rt, write),
                offset_of!(Rt, write_f32),
            ]
        );
    }
}
