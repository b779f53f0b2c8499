package dev.bolide.broker.console;

import java.util.List;

/** One page showing the tables of several views, one after the other, under one title. */
record CombinedView(String title, List<View> parts) implements View {
    @Override
    public List<Table> tables() {
        return parts.stream().flatMap(part -> part.tables().stream()).toList();
    }
}
