package dev.bolide.broker.console;

import java.util.List;

/** What one console page shows, taken afresh for each page and each refresh of its numbers. */
interface View {
    String title();

    List<Table> tables();
}
