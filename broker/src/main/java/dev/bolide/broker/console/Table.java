package dev.bolide.broker.console;

import java.util.List;

/** A titled table of a console view. */
record Table(String caption, List<String> headers, List<List<Cell>> rows) {
}
