// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.natives;

import io.github.ap4j.model.Apqn;
import io.github.ap4j.model.ConfigInfo;
import java.util.List;

/**
 * One replay table loaded into the shim, answering PQAP questions for whoever holds this
 * object and nobody else: two replays of two tables, on two threads at once, never see each
 * other's answers. An APQN not in the table answers condition code 3 and GR1 {@code 0x10000}
 * (response code 0x01 {@code AP_RESPONSE_Q_NOT_AVAIL}), GR2 0.
 *
 * <p>Thread-safe. After {@link #close()} every query throws {@link IllegalStateException}; the
 * C table is freed exactly once, never while a query on it runs.
 */
public final class NativeReplay implements Pqap, AutoCloseable {

    /** Answers for one table handle; {@link JnaApShim} implements it. */
    interface Backend {
        List<TapqRecord> tapq(long handle, List<Apqn> apqns);

        ConfigInfo qci(long handle);

        void free(long handle);
    }

    private final Backend backend;
    private final ReplayTable table;
    private long handle; // 0 once closed; guarded by this

    NativeReplay(Backend backend, long handle, ReplayTable table) {
        this.backend = backend;
        this.handle = handle;
        this.table = table;
    }

    /** {@return the table this replay answers from} */
    public ReplayTable table() {
        return table;
    }

    @Override
    public synchronized List<TapqRecord> tapq(List<Apqn> apqns) {
        return backend.tapq(open(), apqns);
    }

    @Override
    public synchronized ConfigInfo qci() {
        return backend.qci(open());
    }

    private long open() {
        if (handle == 0) {
            throw new IllegalStateException("replay closed");
        }
        return handle;
    }

    /** Frees the shim's copy of the table; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (handle != 0) {
            long h = handle;
            handle = 0;
            backend.free(h);
        }
    }

    @Override
    public String toString() {
        return "NativeReplay[" + table + "]";
    }
}
