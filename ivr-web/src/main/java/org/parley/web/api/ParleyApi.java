package org.parley.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Parley's REST API root. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Parley IVR API", version = "0.1",
        description = "Calls, decisions and health of a Parley IVR node."))
public class ParleyApi extends Application {
}
