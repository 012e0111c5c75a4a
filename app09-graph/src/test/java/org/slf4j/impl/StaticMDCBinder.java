package org.slf4j.impl;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/** The MDC of the tests' SLF4J binding ({@link StaticLoggerBinder}): SLF4J 1.7 looks for it beside the binding. */
public final class StaticMDCBinder {

    /** The binder, as SLF4J asks for it. */
    public static final StaticMDCBinder SINGLETON = new StaticMDCBinder();

    private StaticMDCBinder() {
    }

    /** @return the binder */
    public static StaticMDCBinder getSingleton() {
        return SINGLETON;
    }

    /** @return a plain in-memory MDC */
    public MDCAdapter getMDCA() {
        return new BasicMDCAdapter();
    }

    /** @return its class name */
    public String getMDCAdapterClassStr() {
        return BasicMDCAdapter.class.getName();
    }
}
