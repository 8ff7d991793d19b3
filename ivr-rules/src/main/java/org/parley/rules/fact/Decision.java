package org.parley.rules.fact;

/**
 * The outcome of one turn, written by the right-hand side of routing rules. The engine inserts one
 * empty decision per turn; a rule fills it with {@code modify($d) { transfer(...) }}.
 */
public final class Decision {

    private Action action;
    private String route = "";
    private String queue = "";
    private int priority;
    private String prompt = "";

    /** Transfer to an agent queue; the route is named after the queue. */
    public void transfer(String queue, int priority, String prompt) {
        this.action = Action.TRANSFER;
        this.route = queue;
        this.queue = queue;
        this.priority = priority;
        this.prompt = prompt;
    }

    /** Ask the caller again with the given prompt. */
    public void clarify(String prompt) {
        this.action = Action.CLARIFY;
        this.route = "clarify";
        this.queue = "";
        this.priority = 0;
        this.prompt = prompt;
    }

    /**
     * Offer a callback instead of a wait: keeps the queue (the callback comes from it) and priority,
     * says the prompt.
     */
    public void callback(String prompt) {
        this.action = Action.CALLBACK;
        this.route = "callback";
        this.prompt = prompt;
    }

    /** Say the prompt and end the call. */
    public void hangup(String prompt) {
        this.action = Action.HANGUP;
        this.route = "hangup";
        this.queue = "";
        this.priority = 0;
        this.prompt = prompt;
    }

    /** Null until a rule decided. */
    public Action getAction() {
        return action;
    }

    public boolean isDecided() {
        return action != null;
    }

    public String getRoute() {
        return route;
    }

    public String getQueue() {
        return queue;
    }

    /** Queue priority, 1 is the most urgent; 0 when not transferring. */
    public int getPriority() {
        return priority;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    /** Moves a transfer to another queue (the route follows the queue), keeping priority and prompt. */
    public void setQueue(String queue) {
        this.queue = queue;
        if (action == Action.TRANSFER) {
            this.route = queue;
        }
    }

    @Override
    public String toString() {
        return "Decision{action=" + action + ", route=" + route + ", queue=" + queue + ", priority=" + priority
                + ", prompt=" + prompt + "}";
    }
}
