package br.com.regua.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the people of Régua real in Camunda when the engine starts: the role groups, what each may
 * see and do in Cockpit, Tasklist and Admin, the administrator, and on the embedded default only the
 * demo accounts. Everywhere else it refuses to start without a real administrator password and
 * offer secret. Existing grants and users are left as an admin may have changed them.
 */
@Component
public class IdentityBootstrap extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** The task groups of the BPMN: they work in Tasklist but have no API role. */
    static final List<String> TASK_GROUPS = List.of("legal", "disputes");

    /**
     * Camunda's own administrators group: its members from earlier versions become admins, and the
     * administrators Régua makes join it, since Camunda's webapps offer their first-user setup to anyone
     * while it is empty.
     */
    static final String CAMUNDA_ADMIN = "camunda-admin";

    /** User and group ids: letters and digits, then '.', '_' or '-' too; nothing a query or a log could misread. */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** The demo accounts of the embedded default: user name = password. */
    static final Map<String, Role> DEMO_ACCOUNTS = Map.of(
            "demo", Role.ADMIN, "manager", Role.CREDIT_MANAGER, "collector", Role.COLLECTOR,
            "analyst", Role.ANALYST, "backend", Role.INTEGRATION, "monitor", Role.MONITORING);

    private final SecurityProperties.Admin admin;
    private final SecurityProperties.Monitoring monitoring;
    private final boolean embedded;

    public IdentityBootstrap(SecurityProperties properties, Environment environment) {
        this.admin = properties.admin();
        this.monitoring = properties.monitoring();
        // the settings themselves were checked before anything started (SettingsCheck)
        this.embedded = isEmbedded(environment);
    }

    /** The embedded default is an H2 database in a file or in memory: a demo on one machine, never a deployment. */
    static boolean isEmbedded(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:");
    }

    static void checkSettings(SecurityProperties.Admin admin, String offerSecret, boolean embedded) {
        String password = admin.password();
        boolean passwordSet = password != null && !password.isEmpty();
        if (!embedded && !passwordSet) {
            throw new UnsafeSettingException("regua.security.admin.password (REGUA_ADMIN_PASSWORD)",
                    "is missing or empty: there is no default administrator password outside the embedded demo");
        }
        if (passwordSet && (password.length() < SecurityProperties.MIN_ADMIN_PASSWORD || password.isBlank())) {
            throw new UnsafeSettingException("regua.security.admin.password (REGUA_ADMIN_PASSWORD)",
                    "must have at least " + SecurityProperties.MIN_ADMIN_PASSWORD + " characters");
        }
        if (admin.user() == null || !admin.user().matches(ID_PATTERN)) {
            throw new UnsafeSettingException("regua.security.admin.user (REGUA_ADMIN_USER)",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!embedded && (offerSecret == null || offerSecret.isBlank())) {
            throw new UnsafeSettingException("regua.agreements.offer-secret (REGUA_OFFER_SECRET)",
                    "is missing: offers would be signed with a key that dies with the process and differs on every node");
        }
    }

    /** The user Prometheus scrapes with is optional; when its password is given, it is held to the administrator's rules. */
    static void checkMonitoring(SecurityProperties.Monitoring monitoring) {
        String password = monitoring.password();
        if (password == null || password.isEmpty()) {
            return;
        }
        if (password.length() < SecurityProperties.MIN_ADMIN_PASSWORD || password.isBlank()) {
            throw new UnsafeSettingException("regua.security.monitoring.password (REGUA_MONITORING_PASSWORD)",
                    "must have at least " + SecurityProperties.MIN_ADMIN_PASSWORD + " characters");
        }
        if (monitoring.user() == null || !monitoring.user().matches(ID_PATTERN)) {
            throw new UnsafeSettingException("regua.security.monitoring.user (REGUA_MONITORING_USER)",
                    "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        configuration.setAdminGroups(new ArrayList<>(List.of(Role.ADMIN.group())));
        // Camunda allows only letters and digits by default; Régua's groups and user names use '-', '.', '_'
        configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
        configuration.setUserResourceWhitelistPattern(ID_PATTERN);
    }

    /**
     * Two nodes starting at once on a new database make the same groups, grants and users. Each step
     * looks before it makes, but both can look at the same moment: the one that loses on a unique key
     * starts over, and finds what the other made.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (int attempt = 1; ; attempt++) {
            try {
                bootstrap(engine);
                return;
            } catch (ProcessEngineException raced) {
                if (attempt == 3 || !uniqueKeyViolated(raced)) {
                    throw raced;
                }
                log.info("Groups, grants and users were being made by another node at the same time; looking again");
                try {
                    Thread.sleep(300L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw raced;
                }
            }
        }
    }

    private static boolean uniqueKeyViolated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SQL state class 23: integrity constraint violation (a unique key, here)
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null
                    && uniqueKeyViolated(batch.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private void bootstrap(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Role role : Role.values()) {
            group(identity, role.group(), role.description());
        }
        for (String taskGroup : TASK_GROUPS) {
            group(identity, taskGroup, "Tasklist group of the BPMN: " + taskGroup);
        }
        group(identity, CAMUNDA_ADMIN, "Camunda administrators (kept for Camunda's webapps; Régua's role is admins)");
        grants(authorizations);
        grantOpenTasksToTheirCandidates(engine);
        promoteCamundaAdmins(identity);
        if (admin.password() != null && !admin.password().isEmpty()) {
            user(identity, admin.user(), admin.password(), "Administrator", Role.ADMIN);
        }
        if (monitoring.password() != null && !monitoring.password().isEmpty()) {
            user(identity, monitoring.user(), monitoring.password(), "Prometheus", Role.MONITORING);
        }
        if (embedded) {
            DEMO_ACCOUNTS.forEach((name, role) -> user(identity, name, name, capitalized(name), role));
            log.info("Embedded demo: accounts {} (user name = password); never on another database", DEMO_ACCOUNTS.keySet());
        }
    }

    private static void grants(AuthorizationService authorizations) {
        for (Resource resource : Resources.values()) {
            grant(authorizations, Role.ADMIN.group(), resource, Permissions.ALL);
        }
        String analysts = Role.ANALYST.group();
        grant(authorizations, analysts, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(authorizations, analysts, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(authorizations, analysts, Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ);
        grant(authorizations, analysts, Resources.TASK, TaskPermissions.READ);
        grant(authorizations, analysts, Resources.DEPLOYMENT, Permissions.READ);
        grant(authorizations, analysts, Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
        grant(authorizations, analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);
        // Tasklist: a task is seen by its candidate group (Camunda grants that when it creates the task)
        List<String> tasklist = new ArrayList<>(TASK_GROUPS);
        tasklist.add(Role.COLLECTOR.group());
        for (String group : tasklist) {
            grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(authorizations, group, Resources.FILTER, Permissions.READ);
            grant(authorizations, group, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ);
        }
    }

    /** Set once the open tasks of a database made before authorizations were on have their candidates' grants. */
    static final String TASK_GRANTS_DONE = "regua.task-grants-of-candidates";

    /**
     * Camunda grants a task to its candidate groups when it creates the task, but only while
     * authorizations are on: tasks of a database from before then would be seen by nobody in
     * Tasklist. They get the grant Camunda would have made, once.
     */
    static void grantOpenTasksToTheirCandidates(ProcessEngine engine) {
        if ("done".equals(engine.getManagementService().getProperties().get(TASK_GRANTS_DONE))) {
            return;
        }
        TaskService tasks = engine.getTaskService();
        int granted = 0;
        for (Task task : tasks.createTaskQuery().list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && grant(engine.getAuthorizationService(), link.getGroupId(), Resources.TASK, task.getId(),
                        TaskPermissions.READ, TaskPermissions.UPDATE)) {
                    granted++;
                }
            }
        }
        engine.getManagementService().setProperty(TASK_GRANTS_DONE, "done");
        if (granted > 0) {
            log.info("Open tasks made before authorizations were on: {} grant(s) to their candidate groups", granted);
        }
    }

    private static void grant(AuthorizationService authorizations, String group, Resource resource, Permission... permissions) {
        grant(authorizations, group, resource, Authorization.ANY, permissions);
    }

    /** Grants unless the group has a grant on that resource already (an admin may have changed it); true when it granted. */
    private static boolean grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                                 Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0;
        if (exists) {
            return false;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission p : permissions) {
            grant.addPermission(p);
        }
        authorizations.saveAuthorization(grant);
        return true;
    }

    private static void group(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Camunda's default admin group came with earlier versions of Régua: its members keep their powers. */
    private static void promoteCamundaAdmins(IdentityService identity) {
        for (User u : identity.createUserQuery().memberOfGroup(CAMUNDA_ADMIN).list()) {
            if (identity.createUserQuery().userId(u.getId()).memberOfGroup(Role.ADMIN.group()).count() == 0) {
                identity.createMembership(u.getId(), Role.ADMIN.group());
                log.info("User {} of {} is now a member of {}", u.getId(), CAMUNDA_ADMIN, Role.ADMIN.group());
            }
        }
    }

    /** Creates the user with its role when it is missing; an existing user keeps its password and groups. */
    private static void user(IdentityService identity, String id, String password, String firstName, Role role) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName("");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, role.group());
        if (role == Role.ADMIN) {
            // Camunda's webapps offer a first-user setup to anyone while camunda-admin has no member
            identity.createMembership(id, CAMUNDA_ADMIN);
        }
        log.info("Created user {} in group {}", id, role.group());
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
