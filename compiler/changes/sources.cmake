# Sources of compiler/changes/ (what changed relative to a git ref (--changed)), relative to compiler/.
list(APPEND RBC_SOURCES
)
