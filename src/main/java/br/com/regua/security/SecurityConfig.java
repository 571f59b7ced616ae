package br.com.regua.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;

/**
 * Spring Security in front of everything, built from {@link EndpointRoles#TABLE}.
 * <ul>
 * <li>People sign in once at {@code /login} (a session) for Cockpit, Tasklist, Admin and the policy
 * page; a page's writes carry a CSRF token. Camunda's webapps keep their own CSRF filter.</li>
 * <li>Backends send HTTP Basic credentials or, once an issuer is configured, a bearer JWT: no session,
 * and no CSRF token needed, since a browser never adds that header to a forged cross-site request.</li>
 * <li>Camunda's REST API and webapps are handed the same identity with its groups, so Camunda's
 * authorizations apply to the same person.</li>
 * </ul>
 */
@Configuration
public class SecurityConfig {

    /** Camunda's filters run after Spring Security's chain (Boot's {@code SecurityProperties.DEFAULT_FILTER_ORDER}). */
    private static final int SPRING_SECURITY_ORDER = org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER;

    private static final Set<String> CSRF_SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    SecurityFilterChain security(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder,
                                 SecurityProperties properties, CamundaPasswords passwords, AuditLog audit) throws Exception {
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        ProblemResponses problems = new ProblemResponses(json, bearer);
        RequestMatcher machines = new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**"),
                PATHS.matcher("/actuator/**"), PATHS.matcher("/v3/**"));
        RequestMatcher withCredentialsHeader = new RequestHeaderRequestMatcher("Authorization");
        RequestMatcher camundaLogout = PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

        http.authenticationProvider(passwords);
        // around everything that decides: the audit sees who was signed in and what the answer was, 401 and 403 too
        http.addFilterBefore(new AuditFilter(audit), ExceptionTranslationFilter.class);
        http.authorizeHttpRequests(authorize -> {
            authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
            for (EndpointRoles.Access access : EndpointRoles.TABLE) {
                AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url =
                        authorize.requestMatchers(PATHS.matcher(access.method(), access.path()));
                switch (access.audience()) {
                    // the portal's pages check the link and the confirmed identity themselves
                    case PUBLIC, DEBTOR -> url.permitAll();
                    case SIGNED_IN -> url.authenticated();
                    case ROLES -> url.hasAnyAuthority(access.allowed().stream().map(Role::group).toArray(String[]::new));
                }
            }
            // no handler is mapped here: a signed-in caller gets the 404, a stranger learns nothing
            authorize.anyRequest().authenticated();
        });
        // only a page is worth returning to after signing in; an API call must not open a session
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(new AndRequestMatcher(new NegatedRequestMatcher(machines),
                new NegatedRequestMatcher(PATHS.matcher("/camunda/api/**"))));
        http.requestCache(cache -> cache.requestCache(pages));
        // roles are Camunda group ids, not ROLE_-prefixed: isUserInRole("admins") must mean the group
        http.servletApi(api -> api.rolePrefix(""));
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        http.formLogin(form -> form.permitAll());
        http.logout(logout -> logout
                .logoutRequestMatcher(new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, "/logout"), camundaLogout))
                .defaultLogoutSuccessHandlerFor(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK), camundaLogout));
        if (bearer) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtRoles(properties.jwt()))));
        }
        // A forged cross-site request can only ride on a session cookie: writes that come with one need the
        // page's token. Camunda's webapps protect themselves with their own CSRF filter and cookie.
        // The login form needs it always, so nobody can sign a victim's browser into the attacker's account.
        // The debtor portal's forms too: each of them acts for the debtor whose page it is.
        RequestMatcher loginForm = PATHS.matcher(HttpMethod.POST, "/login");
        RequestMatcher portalForms = PATHS.matcher(HttpMethod.POST, "/p/**");
        RequestMatcher sessionWrite = request -> !CSRF_SAFE_METHODS.contains(request.getMethod())
                && (request.getRequestedSessionId() != null || loginForm.matches(request) || portalForms.matches(request));
        // (Cockpit's logout button ends the Régua session too; it sends Camunda's token, not Régua's.)
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWrite)
                .ignoringRequestMatchers(PATHS.matcher("/camunda/**"), new AndRequestMatcher(withCredentialsHeader,
                        new NegatedRequestMatcher(portalForms))));
        // machines get a 401 problem; people are sent to the login form (Spring's own page, kept by
        // not replacing the entry point as a whole)
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problems, machines)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(machines))
                .defaultAccessDeniedHandlerFor(problems, machines));
        return http.build();
    }

    /** A URL refused by Spring Security's firewall is answered as a problem detail too. */
    @Bean
    RequestRejectedHandler rejectedUrls(ObjectMapper json, ObjectProvider<JwtDecoder> jwtDecoder) {
        return new ProblemResponses(json, jwtDecoder.getIfAvailable() != null);
    }

    /** The roles of a bearer token are Régua's group ids in one claim; its user is another claim. */
    static Converter<Jwt, AbstractAuthenticationToken> jwtRoles(SecurityProperties.Jwt settings) {
        return token -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            Object claim = token.getClaims().get(settings.rolesClaim());
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> authorities.add(new SimpleGrantedAuthority(String.valueOf(v))));
            } else if (claim instanceof String value) {
                for (String v : value.split("[ ,]+")) {
                    if (!v.isBlank()) {
                        authorities.add(new SimpleGrantedAuthority(v));
                    }
                }
            }
            String user = token.getClaimAsString(settings.userClaim());
            return new JwtAuthenticationToken(token, List.copyOf(authorities), user == null ? token.getSubject() : user);
        };
    }

    /** Camunda's REST API runs each request as the signed-in identity, so its authorizations apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        return handedToCamunda(new ProcessEngineAuthenticationFilter(), "Régua engine REST authentication", "/engine-rest/*");
    }

    /** Cockpit, Tasklist and Admin take the person signed in at /login instead of asking again. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        return handedToCamunda(new ContainerBasedAuthenticationFilter(), "Régua webapp authentication",
                "/camunda/app/*", "/camunda/api/*");
    }

    /** A Camunda filter that takes the identity from Spring Security, right after its chain. */
    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> handedToCamunda(F filter, String name,
                                                                                              String... urlPatterns) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                EngineAuthentication.class.getName());
        registration.addUrlPatterns(urlPatterns);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(SPRING_SECURITY_ORDER + 1);
        return registration;
    }
}
