package io.jenkins.plugins.mldelivery.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The ECharts library from the {@code org.webjars:echarts} WebJar on the class path, inlined into
 * the report so that viewing it needs no network. Loaded once per JVM (about 1 MB).
 */
public final class EChartsLibrary {
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars/echarts/pom.properties";

    private final String version;
    private final String script;

    private EChartsLibrary(final String version, final String script) {
        this.version = version;
        this.script = script;
    }

    /** Loads on first use; the class loader guarantees it happens once. */
    private static final class Holder {
        private static final EChartsLibrary INSTANCE = read();
    }

    /**
     * Returns the library from the class path.
     *
     * @return the library
     * @throws IllegalStateException if the WebJar is not on the class path (a packaging error)
     */
    public static EChartsLibrary load() {
        return Holder.INSTANCE;
    }

    /**
     * Returns the ECharts version, e.g. {@code 5.5.0}.
     *
     * @return the version
     */
    public String version() {
        return version;
    }

    /**
     * Returns the minified library.
     *
     * @return the JavaScript source
     */
    public String script() {
        return script;
    }

    private static EChartsLibrary read() {
        ClassLoader loader = EChartsLibrary.class.getClassLoader();
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar (org.webjars:echarts) is not on the class path");
            }
            properties.load(in);
            String version = properties.getProperty("version");
            String path = "META-INF/resources/webjars/echarts/" + version + "/echarts.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                if (script == null) {
                    throw new IllegalStateException(path + " is missing from the ECharts WebJar");
                }
                return new EChartsLibrary(version, new String(script.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the ECharts WebJar: " + e.getMessage(), e);
        }
    }
}
