package br.com.regua.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A debtor's receipt larger than the server reads of a request: without this the form's fields were
 * never read, its token with them, and the debtor got a refusal about a missing token, in English.
 * The page is shown again, saying in Portuguese that the file is too large; nothing of the request
 * is read or kept. Runs before Spring Security: it answers only with the way back to the page, which
 * the link and the confirmed identity still guard.
 */
class OversizedUploadFilter extends OncePerRequestFilter {

    /** The page's query parameter, and its value, that ask it to say the file was too large. */
    static final String PARAMETER = "arquivo";
    static final String TOO_LARGE = "grande";

    private static final Pattern DISPUTE_FORM = Pattern.compile("/p/([A-Za-z0-9_-]{1,200})/disputes");

    private final long maxRequestBytes;

    OversizedUploadFilter(MultipartProperties multipart) {
        this.maxRequestBytes = multipart.getMaxRequestSize().toBytes();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<OversizedUploadFilter> oversizedUploads(MultipartProperties multipart) {
            FilterRegistrationBean<OversizedUploadFilter> registration = new FilterRegistrationBean<>(new OversizedUploadFilter(multipart));
            registration.addUrlPatterns("/p/*");
            // before the token check of Spring Security's chain, which would read the form's fields
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getContentLengthLong() <= maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher form = DISPUTE_FORM.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!form.matches()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + "/p/" + form.group(1) + "?" + PARAMETER + "=" + TOO_LARGE);
    }
}
