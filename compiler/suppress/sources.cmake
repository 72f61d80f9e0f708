# Sources of compiler/suppress/ (suppression comments (rbc disable/snooze)), relative to compiler/.
list(APPEND RBC_SOURCES
)
