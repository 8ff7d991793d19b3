package org.parley.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The login form's page. The form mechanism shows it to anyone not logged in; for a request to the API
 * (a program without credentials) it answers 401 with a Basic challenge instead, so programs see HTTP
 * authentication and people see a form.
 */
@WebServlet("/login")
public class LoginPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object original = request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
        if (original instanceof String path && path.startsWith("/api")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Parley\", charset=\"UTF-8\"");
            response.setContentType("application/json");
            response.getWriter().write("{\"message\":\"authentication required: send HTTP Basic credentials of a Parley user"
                    + " (bin/parley-user add NAME --role ROLE)\"}");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream page = getServletContext().getResourceAsStream("/WEB-INF/login.html")) {
            String html = new String(page.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean failed = request.getParameter("failed") != null;
            response.getWriter().write(html.replace("<!--failed-->", failed ? "<p class=\"failed\">Wrong user name or password.</p>" : ""));
        }
    }
}
