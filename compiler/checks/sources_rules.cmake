# rules lint checks (relative to compiler/).
list(APPEND RBC_SOURCES
)
