package io.jenkins.plugins.mldelivery.core.registry;

import io.jenkins.plugins.mldelivery.core.io.BadInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names a registry accepts: model names safe as directory names on every file system, and
 * alias names as MLflow accepts them (so a team can move from one registry to the other).
 */
public final class NameRules {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern VERSION_ALIAS = Pattern.compile("v\\d+", Pattern.CASE_INSENSITIVE);

    private NameRules() {
        // static checks only
    }

    /**
     * Checks a model name for the embedded registry.
     *
     * @param name the name
     * @return the name
     * @throws BadInputException when the name is not accepted
     */
    public static String model(final String name) {
        if (name == null || !MODEL.matcher(name).matches() || name.endsWith(".")) {
            throw new BadInputException("model name '" + name + "': use letters, digits, '.', '_' and '-' "
                    + "(at most 100, starting with a letter or digit)");
        }
        return name;
    }

    /**
     * Checks an alias name with MLflow's rules: letters, digits, '_' and '-', and neither
     * {@code latest} nor {@code vN}, which MLflow reserves.
     *
     * @param alias the alias
     * @return the alias
     * @throws BadInputException when the alias is not accepted
     */
    public static String alias(final String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new BadInputException("alias '" + alias + "': use letters, digits, '_' and '-'");
        }
        if ("latest".equals(alias.toLowerCase(Locale.ROOT)) || VERSION_ALIAS.matcher(alias).matches()) {
            throw new BadInputException("alias '" + alias + "': 'latest' and 'v<number>' are reserved by MLflow");
        }
        return alias;
    }

    /**
     * Checks a version number.
     *
     * @param version the version
     * @return the version
     * @throws BadInputException when it is not positive
     */
    public static int version(final int version) {
        if (version < 1) {
            throw new BadInputException("version " + version + ": versions are numbered from 1");
        }
        return version;
    }
}
