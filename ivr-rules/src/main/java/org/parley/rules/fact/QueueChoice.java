package org.parley.rules.fact;

import java.util.Objects;

/**
 * Inserted by the intent-to-queue table: where this intent is served, how urgently, with which prompt
 * (a prompt id of the catalogue, named in full: rule validation checks it has audio).
 */
public final class QueueChoice {

    private final String intent;
    private final String queue;
    private final int priority;
    private final String prompt;

    public QueueChoice(String intent, String queue, int priority, String prompt) {
        this.intent = Objects.requireNonNull(intent, "intent");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.priority = priority;
        this.prompt = Objects.requireNonNull(prompt, "prompt");
    }

    public String getIntent() {
        return intent;
    }

    public String getQueue() {
        return queue;
    }

    public int getPriority() {
        return priority;
    }

    public String getPrompt() {
        return prompt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueChoice other && intent.equals(other.intent) && queue.equals(other.queue)
                && priority == other.priority && prompt.equals(other.prompt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intent, queue, priority, prompt);
    }

    @Override
    public String toString() {
        return "QueueChoice{intent=" + intent + ", queue=" + queue + ", priority=" + priority + ", prompt=" + prompt + "}";
    }
}
