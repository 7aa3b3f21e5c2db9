package io.jenkins.plugins.mldelivery.core.drift;

/**
 * What drift needs to know of one column on one side (reference or current): its values'
 * distribution and how many values were missing.
 */
public sealed interface ColumnDistribution permits NumericDistribution, CategoricalDistribution {
    /**
     * Returns the number of non-missing values.
     *
     * @return the count of present values
     */
    long present();

    /**
     * Returns the number of missing values.
     *
     * @return the count of missing values
     */
    long missing();

    /**
     * Returns the number of rows: present plus missing.
     *
     * @return the row count
     */
    default long rows() {
        return present() + missing();
    }

    /**
     * Returns the column type as it appears in the drift JSON.
     *
     * @return {@code numeric} or {@code categorical}
     */
    String type();
}
