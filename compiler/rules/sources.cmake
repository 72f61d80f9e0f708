# Sources of compiler/rules/, relative to compiler/.
