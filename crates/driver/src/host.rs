//! The host side of a call: the services compiled code asks for (memory,
//! output with Python's number formatting), and the stack it runs on.

use std::alloc::{Layout, alloc_zeroed, dealloc};
use std::ffi::{c_char, c_void};
use std::io::Write;

use pyjit_frontend::pyops::{float_repr, float32_repr};
use pyjit_runtime::abi::{EntryFn, MemInfo, Rt, Value as RawValue};
use pyjit_runtime::call::{Host, Raised};

/// Stack kept free for recursive compiled code: the recursion guard stops at
/// the configured depth, and this much stack keeps 10,000 frames of any
/// reasonable size from reaching the stack's end first.
const RECURSION_STACK: usize = 64 * 1024 * 1024;

/// What the callbacks write to.
struct HostState<'a> {
    out: &'a mut dyn Write,
    failed: Option<std::io::Error>,
}

fn state<'a>(host: *mut c_void) -> &'a mut HostState<'a> {
    // SAFETY: `host` is the `HostState` `call` put in the runtime record,
    // alive for the whole call, and compiled code runs on one thread.
    unsafe { &mut *host.cast::<HostState<'a>>() }
}

fn write(host: *mut c_void, bytes: &[u8]) {
    let state = state(host);
    if state.failed.is_none()
        && let Err(e) = state.out.write_all(bytes)
    {
        state.failed = Some(e);
    }
}

unsafe extern "C" fn host_alloc(_host: *mut c_void, bytes: i64) -> *mut c_void {
    let Ok(size) = usize::try_from(bytes) else {
        return std::ptr::null_mut();
    };
    match Layout::from_size_align(size.max(1), 16) {
        // SAFETY: the layout has a non-zero size.
        Ok(layout) => unsafe { alloc_zeroed(layout).cast() },
        Err(_) => std::ptr::null_mut(),
    }
}

unsafe extern "C" fn host_dealloc(_host: *mut c_void, ptr: *mut c_void, bytes: i64) {
    let size = usize::try_from(bytes).unwrap_or(0).max(1);
    if let Ok(layout) = Layout::from_size_align(size, 16) {
        // SAFETY: `ptr` came from `host_alloc` with this size.
        unsafe { dealloc(ptr.cast(), layout) };
    }
}

unsafe extern "C" fn host_write(host: *mut c_void, text: *const c_char, len: i64) {
    let len = usize::try_from(len).unwrap_or(0);
    // SAFETY: compiled code passes a buffer of `len` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len) };
    write(host, bytes);
}

unsafe extern "C" fn host_write_f64(host: *mut c_void, value: f64) {
    write(host, float_repr(value).as_bytes());
}

unsafe extern "C" fn host_write_f32(host: *mut c_void, value: f32) {
    write(host, float32_repr(value).as_bytes());
}

/// Release an array block compiled code returned (its count is one).
pub(crate) fn release(owner: *mut MemInfo) {
    if owner.is_null() {
        return;
    }
    // SAFETY: `owner` heads a block from `host_alloc` that compiled code
    // handed over with the single reference to it.
    unsafe {
        let bytes = (*owner).bytes;
        host_dealloc(std::ptr::null_mut(), owner.cast(), bytes);
    }
}

/// Call an entry function, on a stack deep enough for `recursive` code,
/// with output going to `out`.
///
/// # Safety
///
/// As [`pyjit_runtime::call::call`]: `args` match the entry's signature and
/// their arrays are valid (and writable where written) for the call.
pub(crate) unsafe fn call(
    entry: EntryFn,
    args: &[RawValue],
    recursive: bool,
    max_depth: i64,
    out: &mut dyn Write,
) -> Result<RawValue, Raised> {
    let mut run = || {
        let mut state = HostState { out, failed: None };
        let host = Host {
            context: (&raw mut state).cast(),
            alloc: host_alloc,
            dealloc: host_dealloc,
            write: host_write,
            write_f64: host_write_f64,
            write_f32: host_write_f32,
        };
        // The guard raises RecursionError before the stack pointer passes
        // this address: the end of the stack, less a margin for the frames
        // of the prelude and the C library.
        let marker = 0u8;
        let here = (&raw const marker) as usize;
        let remaining = stacker::remaining_stack().unwrap_or(1024 * 1024);
        let limit = here.saturating_sub(remaining).saturating_add(256 * 1024);
        let mut rt = Rt::new(host, max_depth, limit as *mut c_char);
        // SAFETY: forwarded from the caller.
        let result = unsafe { pyjit_runtime::call::call(entry, &mut rt, args) };
        let _ = state.out.flush();
        result
    };
    if recursive {
        stacker::maybe_grow(RECURSION_STACK, RECURSION_STACK, run)
    } else {
        run()
    }
}
