package org.parley.web.crm;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.ivr.crm.CallerContext;
import org.parley.ivr.crm.CallerContextCache;
import org.parley.ivr.crm.CaseInput;
import org.parley.ivr.crm.CrmInbound;
import org.parley.ivr.crm.CrmStore;
import org.parley.ivr.crm.CrmValidationException;
import org.parley.ivr.crm.CustomerInput;
import org.parley.ivr.crm.CustomerRecord;
import org.parley.ivr.crm.FieldError;
import org.parley.web.security.Roles;

/**
 * Where a CRM keeps Parley's customer store current: customers and cases, JSON. Every write goes
 * through the Camel route {@code direct:crm-inbound}, which validates (400 with every field error,
 * nothing stored) and stores it, refreshing the caller-context cache.
 */
@RolesAllowed({Roles.ADMIN, Roles.CRM})
@Path("/crm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "crm")
public class CrmResource {

    /** A stored customer. */
    public record CustomerView(String customerId, String phone, String name, String tier, String language) {
        static CustomerView of(CustomerRecord c) {
            return new CustomerView(c.getCustomerId(), c.getPhone(), c.getName(), c.getTier(), c.getLanguage());
        }
    }

    @Inject
    CrmStore crm;

    @Inject
    CallerContextCache contexts;

    @Inject
    CrmInbound inbound;

    /** The authenticated user or integration, for the audit of every change. */
    @Inject
    java.security.Principal caller;

    private static final System.Logger AUDIT = System.getLogger("org.parley.audit");

    private void audit(String what) {
        AUDIT.log(System.Logger.Level.INFO, "{0} {1}", caller.getName(), what);
    }

    @PUT
    @Path("/customers/{id}")
    @Operation(summary = "Create or replace a customer (201 when new, 200 when replaced)")
    public Response putCustomer(@PathParam("id") String id, CustomerInput input) {
        if (input != null && input.customerId() != null && !input.customerId().equals(id)) {
            throw new CrmValidationException("customer", java.util.List.of(new FieldError("customerId",
                    "is '" + input.customerId() + "' but the path says '" + id + "'")));
        }
        CustomerInput withId = input == null ? null
                : new CustomerInput(id, input.phone(), input.name(), input.tier(), input.language());
        boolean created = inbound.send(new CrmInbound.PutCustomer(withId));
        audit((created ? "created" : "replaced") + " customer " + id);
        return Response.status(created ? 201 : 200).entity(CustomerView.of(crm.customer(id).orElseThrow())).build();
    }

    @POST
    @Path("/customers")
    @Operation(summary = "Create or replace a customer named by its customerId")
    public Response postCustomer(CustomerInput input) {
        boolean created = inbound.send(new CrmInbound.PutCustomer(input));
        audit((created ? "created" : "replaced") + " customer " + input.customerId());
        return Response.status(created ? 201 : 200).entity(CustomerView.of(crm.customer(input.customerId()).orElseThrow())).build();
    }

    @GET
    @Path("/customers/{id}")
    @Operation(summary = "One customer as stored")
    public CustomerView getCustomer(@PathParam("id") String id) {
        return crm.customer(id).map(CustomerView::of).orElseThrow(() -> new NotFoundException("no customer " + id));
    }

    @DELETE
    @Path("/customers/{id}")
    @Operation(summary = "Delete a customer and their cases")
    public Response deleteCustomer(@PathParam("id") String id) {
        if (!inbound.send(new CrmInbound.DeleteCustomer(id))) {
            throw new NotFoundException("no customer " + id);
        }
        audit("deleted customer " + id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/cases/{id}")
    @Operation(summary = "Create or replace a case (status open or closed) of a known customer")
    public Response putCase(@PathParam("id") String id, CaseInput input) {
        CaseInput withId = input == null ? null : new CaseInput(id, input.customerId(), input.subject(), input.status());
        boolean created = inbound.send(new CrmInbound.PutCase(withId));
        audit((created ? "created" : "replaced") + " case " + id);
        return Response.status(created ? 201 : 200).build();
    }

    @DELETE
    @Path("/cases/{id}")
    @Operation(summary = "Delete a case")
    public Response deleteCase(@PathParam("id") String id) {
        if (!inbound.send(new CrmInbound.DeleteCase(id))) {
            throw new NotFoundException("no case " + id);
        }
        audit("deleted case " + id);
        return Response.noContent().build();
    }

    @GET
    @Path("/callers/{number}")
    @Operation(summary = "What the dialog would know about a caller number right now (the caller-context cache)")
    public CallerContext caller(@PathParam("number") String number) {
        CallerContext context = contexts.get(number);
        if (context == null) {
            throw new NotFoundException("'" + number + "' is not a caller number");
        }
        return context;
    }
}
