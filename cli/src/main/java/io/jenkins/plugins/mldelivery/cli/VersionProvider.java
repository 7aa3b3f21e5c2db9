package io.jenkins.plugins.mldelivery.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version from the jar's manifest, or "development" when run from classes.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = MlDeliveryCommand.class.getPackage().getImplementationVersion();
        return new String[] {"ml-delivery " + (version == null ? "development" : version)};
    }
}
