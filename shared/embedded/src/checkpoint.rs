//! WAL checkpoints on a background thread, so writers never wait for an fsync.
//!
//! With `synchronous=NORMAL` a commit only appends to the WAL; the fsyncs happen when the WAL
//! is checkpointed into the database file. Left to SQLite, that checkpoint runs inside
//! whichever commit crosses the auto-checkpoint size, and on an ordinary disk it costs that
//! commit milliseconds, which averaged out tripled the cost of a queue operation in our
//! benches. Here a thread with its own connection runs a PASSIVE checkpoint (one that never
//! blocks readers or writers) every [`INTERVAL`]; the connection's own auto-checkpoint stays
//! on at a larger size as a safety net, should this thread fall behind.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the background thread checkpoints.
pub(crate) const INTERVAL: Duration = Duration::from_millis(100);

/// WAL pages after which a commit checkpoints by itself (the safety net): 64 MiB of 4 KiB pages.
pub(crate) const SAFETY_NET_PAGES: u32 = 16_384;

/// The running checkpoint thread; stops (and joins) when dropped.
pub(crate) struct Checkpointer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts checkpointing the database at `path`. Failing to start is not fatal: SQLite's
    /// auto-checkpoint still bounds the WAL, so it is logged and `None` returned.
    pub(crate) fn start(path: &Path) -> Option<Checkpointer> {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let path: PathBuf = path.to_path_buf();
        let signal = stop.clone();
        let spawned = std::thread::Builder::new().name("copycat-wal-checkpoint".into()).spawn(move || run(&path, &signal));
        match spawned {
            Ok(thread) => Some(Checkpointer { stop, thread: Some(thread) }),
            Err(error) => {
                tracing::warn!(%error, "cannot start the WAL checkpoint thread; commits will checkpoint by themselves");
                None
            }
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (flag, wake) = &*self.stop;
        *flag.lock().unwrap_or_else(PoisonError::into_inner) = true;
        wake.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(path: &Path, stop: &(Mutex<bool>, Condvar)) {
    let conn = match rusqlite::Connection::open(path) {
        Ok(conn) => conn,
        Err(error) => {
            tracing::warn!(path = %path.display(), %error, "WAL checkpoint thread cannot open the database; commits will checkpoint by themselves");
            return;
        }
    };
    let (flag, wake) = stop;
    let mut stopped = flag.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        let (guard, _) = wake.wait_timeout(stopped, INTERVAL).unwrap_or_else(PoisonError::into_inner);
        stopped = guard;
        if *stopped {
            return;
        }
        drop(stopped);
        if let Err(error) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            tracing::debug!(path = %path.display(), %error, "background WAL checkpoint skipped");
        }
        stopped = flag.lock().unwrap_or_else(PoisonError::into_inner);
    }
}
