package br.com.regua.api;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in; a page reads its CSRF token here to send with its writes. */
@RestController
class SessionController {

    record Session(String user, List<String> roles, String csrfHeader, String csrfToken) {
    }

    @GetMapping("/api/session")
    Session session(Authentication authentication, CsrfToken csrf) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        return new Session(authentication.getName(), roles, csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken());
    }
}
