package dk.dealfinder.job.demo;

import java.nio.file.Path;

/** What the {@code demo} command can change. */
public record DemoOptions(
        Path dataDir, int alertPort, int webUiPort, int marketplacePort, String pollInterval) {}
