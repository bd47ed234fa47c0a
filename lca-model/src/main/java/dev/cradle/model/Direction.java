package dev.cradle.model;

/** Whether an exchange enters (input) or leaves (output) its process. */
public enum Direction {
    INPUT, OUTPUT
}
