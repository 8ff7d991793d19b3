package org.parley.web.nlu;

import jakarta.annotation.security.RolesAllowed;
import org.parley.web.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.nlu.LanguageService;
import org.parley.nlp.ParseResult;

/** The same answer as {@code bin/parley nlu parse}, from the model serving calls. */
@RolesAllowed(Roles.ANALYST)
@Path("/nlu")
@RequestScoped
@Tag(name = "nlu")
public class NluResource {

    /** Longest utterance accepted; a caller turn is a sentence or two. */
    static final int MAX_TEXT = 2000;

    /** The request: {@code {"text": "I lost my card"}}. */
    public record ParseRequest(String text) {
    }

    @Inject
    LanguageService language;

    @POST
    @Path("/parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Intent (with confidence, ambiguity and the top three), sentiment and entities of one utterance")
    public ParseResult parse(ParseRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new BadRequestException("send {\"text\": \"...\"} with the words to understand; text is missing or empty");
        }
        if (request.text().length() > MAX_TEXT) {
            throw new BadRequestException("text is " + request.text().length() + " characters; at most " + MAX_TEXT + " are accepted");
        }
        return language.understand(request.text());
    }
}
