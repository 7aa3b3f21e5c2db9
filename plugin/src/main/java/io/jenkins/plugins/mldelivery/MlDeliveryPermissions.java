package io.jenkins.plugins.mldelivery;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The permissions of ML Delivery. Promoting a model moves production traffic, so it has a
 * permission of its own, granted per job (or folder) and implied only by administering Jenkins.
 * It is checked against the build's authentication: with the default "run as SYSTEM" every build may
 * promote, so installations that restrict promotion also configure build authorization (for example
 * with the Authorize Project plugin).
 */
public final class MlDeliveryPermissions {
    private static final Logger LOGGER = Logger.getLogger(MlDeliveryPermissions.class.getName());

    /** The group shown in authorization matrices. */
    public static final PermissionGroup GROUP = new PermissionGroup(MlDeliveryPermissions.class,
            Messages._MlDeliveryPermissions_Group());

    /** Moving a model alias (for example {@code champion}) in the registry with {@code mlPromote}. */
    public static final Permission PROMOTE = new Permission(GROUP, "Promote",
            Messages._MlDeliveryPermissions_Promote_Description(), Jenkins.ADMINISTER, PermissionScope.ITEM);

    private MlDeliveryPermissions() {
        // holder of constants
    }

    /**
     * Loads this class when the plugins have started, so that the permission is registered before
     * an authorization matrix is shown (the constants register themselves when the class loads).
     */
    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void register() {
        LOGGER.log(Level.FINE, "Registered the permission {0}", PROMOTE.getId());
    }
}
