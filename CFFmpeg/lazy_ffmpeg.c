// FFmpeg, loaded when first used instead of linked.
//
// Linking libavformat, libavcodec, libswscale and libavutil loads 135 shared libraries (every
// codec FFmpeg was built with, GnuTLS, glib, X11, …), each bound at load (Debian builds them with
// BIND_NOW). Measured on this machine: a C program that does nothing takes 0.9 ms of CPU to start,
// 57 ms when linked with them. Most commands (`status`, `report`, `search`, `forms`, …) never
// touch a video, so they paid that on every run; now only a command that opens a video does.
//
// Every FFmpeg function MediaProbe calls is defined here under its own name and forwards to the
// library's. The definitions are hidden (not exported from the binary), so the libraries
// themselves never bind to them: their calls between each other stay theirs.

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "CFFmpeg.h"

#define CFFMPEG_TEXT(x) #x
#define CFFMPEG_SONAME(base, major) "lib" base ".so." CFFMPEG_TEXT(major)

#if LIBAVFORMAT_VERSION_INT >= AV_VERSION_INT(60, 15, 100)
#define CFFMPEG_SIDE_DATA(X) \
    X(avcodec, const AVPacketSideData *, av_packet_side_data_get, \
      (const AVPacketSideData *sd, int nb_sd, enum AVPacketSideDataType type), (sd, nb_sd, type))
#else
#define CFFMPEG_SIDE_DATA(X) \
    X(avformat, uint8_t *, av_stream_get_side_data, \
      (const AVStream *stream, enum AVPacketSideDataType type, size_t *size), (stream, type, size))
#endif

// (library, return type, name, parameters, arguments) for the functions that return a value…
#define CFFMPEG_FUNCTIONS(X) \
    X(avformat, int, avformat_open_input, (AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options), (ps, url, fmt, options)) \
    X(avformat, AVFormatContext *, avformat_alloc_context, (void), ()) \
    X(avformat, int, avformat_find_stream_info, (AVFormatContext *ic, AVDictionary **options), (ic, options)) \
    X(avformat, int, avformat_index_get_entries_count, (const AVStream *st), (st)) \
    X(avformat, const AVIndexEntry *, avformat_index_get_entry, (AVStream *st, int idx), (st, idx)) \
    X(avformat, int, av_read_frame, (AVFormatContext *s, AVPacket *pkt), (s, pkt)) \
    X(avformat, int, av_seek_frame, (AVFormatContext *s, int stream_index, int64_t timestamp, int flags), (s, stream_index, timestamp, flags)) \
    X(avformat, AVRational, av_guess_sample_aspect_ratio, (AVFormatContext *format, AVStream *stream, AVFrame *frame), (format, stream, frame)) \
    X(avformat, int64_t, avio_size, (AVIOContext *s), (s)) \
    X(avcodec, AVCodecContext *, avcodec_alloc_context3, (const AVCodec *codec), (codec)) \
    X(avcodec, const AVCodec *, avcodec_find_decoder, (enum AVCodecID id), (id)) \
    X(avcodec, const AVCodec *, avcodec_find_encoder, (enum AVCodecID id), (id)) \
    X(avcodec, const char *, avcodec_get_name, (enum AVCodecID id), (id)) \
    X(avcodec, int, avcodec_open2, (AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options), (avctx, codec, options)) \
    X(avcodec, int, avcodec_parameters_to_context, (AVCodecContext *codec, const AVCodecParameters *par), (codec, par)) \
    X(avcodec, int, avcodec_receive_frame, (AVCodecContext *avctx, AVFrame *frame), (avctx, frame)) \
    X(avcodec, int, avcodec_receive_packet, (AVCodecContext *avctx, AVPacket *avpkt), (avctx, avpkt)) \
    X(avcodec, int, avcodec_send_frame, (AVCodecContext *avctx, const AVFrame *frame), (avctx, frame)) \
    X(avcodec, int, avcodec_send_packet, (AVCodecContext *avctx, const AVPacket *avpkt), (avctx, avpkt)) \
    X(avcodec, AVPacket *, av_packet_alloc, (void), ()) \
    CFFMPEG_SIDE_DATA(X) \
    X(avutil, AVRational, av_d2q, (double d, int max), (d, max)) \
    X(avutil, AVDictionaryEntry *, av_dict_get, (const AVDictionary *m, const char *key, const AVDictionaryEntry *prev, int flags), (m, key, prev, flags)) \
    X(avutil, int, av_dict_set, (AVDictionary **pm, const char *key, const char *value, int flags), (pm, key, value, flags)) \
    X(avutil, int, av_dict_set_int, (AVDictionary **pm, const char *key, int64_t value, int flags), (pm, key, value, flags)) \
    X(avutil, double, av_display_rotation_get, (const int32_t matrix[9]), (matrix)) \
    X(avutil, AVFrame *, av_frame_alloc, (void), ()) \
    X(avutil, int, av_frame_get_buffer, (AVFrame *frame, int align), (frame, align)) \
    X(avutil, int, av_strerror, (int errnum, char *errbuf, size_t errbuf_size), (errnum, errbuf, errbuf_size)) \
    X(swscale, struct SwsContext *, sws_getContext, (int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH, enum AVPixelFormat dstFormat, int flags, SwsFilter *srcFilter, SwsFilter *dstFilter, const double *param), (srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param)) \
    X(swscale, int, sws_scale, (struct SwsContext *c, const uint8_t *const srcSlice[], const int srcStride[], int srcSliceY, int srcSliceH, uint8_t *const dst[], const int dstStride[]), (c, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride))

// …and for those that return nothing.
#define CFFMPEG_PROCEDURES(X) \
    X(avformat, void, avformat_close_input, (AVFormatContext **s), (s)) \
    X(avcodec, void, avcodec_flush_buffers, (AVCodecContext *avctx), (avctx)) \
    X(avcodec, void, avcodec_free_context, (AVCodecContext **avctx), (avctx)) \
    X(avcodec, void, av_packet_free, (AVPacket **pkt), (pkt)) \
    X(avcodec, void, av_packet_unref, (AVPacket *pkt), (pkt)) \
    X(avutil, void, av_dict_free, (AVDictionary **m), (m)) \
    X(avutil, void, av_frame_free, (AVFrame **frame), (frame)) \
    X(avutil, void, av_log_set_level, (int level), (level)) \
    X(swscale, void, sws_freeContext, (struct SwsContext *swsContext), (swsContext))

#define CFFMPEG_POINTER(library, result, name, parameters, arguments) static result (*real_##name) parameters;
CFFMPEG_FUNCTIONS(CFFMPEG_POINTER)
CFFMPEG_PROCEDURES(CFFMPEG_POINTER)

static pthread_once_t loading = PTHREAD_ONCE_INIT;
static char failure[512];

static void *open_library(const char *soname) {
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle && !failure[0]) {
        const char *reason = dlerror();
        snprintf(failure, sizeof failure, "FFmpeg's %s could not be loaded (%s); install FFmpeg's libraries (scripts/install-deps.sh)",
                 soname, reason ? reason : "no reason given");
    }
    return handle;
}

static void load(void) {
    // The sonames of the FFmpeg whose headers this was built with.
    void *avformat = open_library(CFFMPEG_SONAME("avformat", LIBAVFORMAT_VERSION_MAJOR));
    void *avcodec = open_library(CFFMPEG_SONAME("avcodec", LIBAVCODEC_VERSION_MAJOR));
    void *avutil = open_library(CFFMPEG_SONAME("avutil", LIBAVUTIL_VERSION_MAJOR));
    void *swscale = open_library(CFFMPEG_SONAME("swscale", LIBSWSCALE_VERSION_MAJOR));
    if (failure[0]) return;
#define CFFMPEG_RESOLVE(library, result, name, parameters, arguments) \
    *(void **)&real_##name = dlsym(library, #name); \
    if (!real_##name && !failure[0]) snprintf(failure, sizeof failure, "FFmpeg's lib%s has no %s", #library, #name);
    CFFMPEG_FUNCTIONS(CFFMPEG_RESOLVE)
    CFFMPEG_PROCEDURES(CFFMPEG_RESOLVE)
    // The handles stay open for the life of the process, as a linked library would.
}

const char *cffmpeg_load(void) {
    pthread_once(&loading, load);
    return failure[0] ? failure : NULL;
}

static void require(void) {
    const char *reason = cffmpeg_load();
    if (reason) {
        fprintf(stderr, "media-archive: %s\n", reason);
        abort();
    }
}

#define CFFMPEG_FORWARD(library, result, name, parameters, arguments) \
    __attribute__((visibility("hidden"))) result name parameters { require(); return real_##name arguments; }
#define CFFMPEG_FORWARD_PROCEDURE(library, result, name, parameters, arguments) \
    __attribute__((visibility("hidden"))) void name parameters { require(); real_##name arguments; }
CFFMPEG_FUNCTIONS(CFFMPEG_FORWARD)
CFFMPEG_PROCEDURES(CFFMPEG_FORWARD_PROCEDURE)
