package dev.bolide.client.jms.xa;

import java.util.List;

/** Work done in a branch that writes down how the branch settled it. */
record RecordingWork(String name, List<String> settled) implements BranchWork {
    @Override
    public void committed() {
        settled.add(name + " acknowledged");
    }

    @Override
    public void rolledBack() {
        settled.add(name + " redelivered");
    }
}
