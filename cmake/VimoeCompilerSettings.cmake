# One INTERFACE target carries the language level, warnings and Qt defines so that every
# target in the tree is compiled the same way (STYLE.md practice 2).
add_library(vimoe_build_settings INTERFACE)
target_compile_options(vimoe_build_settings INTERFACE -Wall -Wextra -Wno-unused-parameter)
target_compile_definitions(vimoe_build_settings INTERFACE
  # LibTorch headers use the identifier `slots` (pytorch#19405); Qt must not define it.
  QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII)

if(VIMOE_SANITIZE)
  target_compile_options(vimoe_build_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(vimoe_build_settings INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()
