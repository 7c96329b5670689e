package dk.dealfinder.bench;

import java.lang.management.ManagementFactory;

/**
 * This JVM's CPU time against the wall clock from a starting point: how many cores it kept busy. On
 * a shared machine it tells whether a figure was limited by the code or by the cores left over.
 */
final class CpuUse {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long cpuStart = OS.getProcessCpuTime();
    private final long wallStart = System.nanoTime();

    /** Average cores busy since this was created. */
    double cores() {
        return (OS.getProcessCpuTime() - cpuStart) / (double) (System.nanoTime() - wallStart);
    }
}
