// Generated pieces -> text a reader expects: SentencePiece's decoding, then NFC with the
// traditional tone placement, no space before . , ? ! : ;, and an upper-case first letter
// ("một con mèo ." -> "Một con mèo."). Used for every caption and answer shown or scored.
#pragma once

#include <string>
#include <vector>

#include "vimoe/text/tokenizer.h"

namespace vimoe::text {

// The tidying alone, for text that is already decoded.
std::string tidyGeneratedText(const std::string& decoded, bool capitalise = true);

std::string detokenize(const Tokenizer& tokenizer, const std::vector<int>& ids, bool capitalise = true);

}  // namespace vimoe::text
