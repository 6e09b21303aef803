/* C API of the sentencepiece bridge library (libvimoe_spm_bridge.so). It is loaded with
 * dlmopen(LM_ID_NEWLM) so its protobuf never meets LibTorch's; therefore only C types cross
 * this boundary, and memory allocated on one side is freed on that side.
 * Functions return -1 (or NULL) on error and then write a message into `error`. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

/* `arguments` is a sentencepiece trainer flag string ("--input=... --model_prefix=...").
 * A flag starts at "--" after whitespace, so values (paths) may contain spaces but not " --". */
int vimoe_spm_train(const char* arguments, char* error, int error_size);
void* vimoe_spm_load(const char* model_path, char* error, int error_size);
void vimoe_spm_free(void* processor);
/* Encodes NUL-terminated UTF-8 into ids (capacity max_ids); returns the number of ids, which
 * may exceed max_ids (call again with a larger buffer), or -1 on error. */
int vimoe_spm_encode(void* processor, const char* text, int* ids, int max_ids);
/* Decodes into out (capacity out_size, always NUL-terminated); returns the full length needed. */
int vimoe_spm_decode(void* processor, const int* ids, int n_ids, char* out, int out_size);
/* The piece text of one id; same return convention as decode. */
int vimoe_spm_piece(void* processor, int id, char* out, int out_size);
int vimoe_spm_vocab_size(void* processor);
int vimoe_spm_is_unknown(void* processor, int id);

#ifdef __cplusplus
}
#endif
