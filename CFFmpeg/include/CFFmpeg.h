#ifndef CFFMPEG_SHIM_H
#define CFFMPEG_SHIM_H

// The FFmpeg headers MediaProbe uses. FFmpeg 5.1 (Debian 12) is the floor; anything
// newer is guarded with LIBAVFORMAT_VERSION_INT / LIBAVUTIL_VERSION_INT checks below.
//
// FFmpeg itself is not linked: `lazy_ffmpeg.c` loads it with dlopen the first time one of its
// functions is called (see there why).
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/dict.h>
#include <libswscale/swscale.h>

/// Loads FFmpeg now if it is not loaded yet: NULL once it is, else why it cannot be (the
/// library and dlerror's words). Every FFmpeg function declared above loads it too, and ends
/// the process with that reason when it cannot, so callers that can report an error ask first.
const char *cffmpeg_load(void);

// Function-like and tag macros cannot be imported by Swift; these expose their values.

/// AVERROR(e): FFmpeg's negative form of a POSIX errno.
static inline int cffmpeg_averror(int posixError) { return AVERROR(posixError); }
/// AVERROR_EOF is built with FFERRTAG, which Swift cannot evaluate.
static inline int cffmpeg_averror_eof(void) { return AVERROR_EOF; }
static inline int cffmpeg_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int cffmpeg_averror_exit(void) { return AVERROR_EXIT; }
static inline int cffmpeg_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int cffmpeg_averror_demuxer_not_found(void) { return AVERROR_DEMUXER_NOT_FOUND; }
/// AV_NOPTS_VALUE is a cast expression ((int64_t)UINT64_C(0x8000000000000000)).
static inline int64_t cffmpeg_nopts_value(void) { return AV_NOPTS_VALUE; }

/// The display-matrix rotation of a stream in degrees, counter-clockwise as ffprobe reports it
/// (-90 for an upright phone video), or 0 when the stream has none. FFmpeg 6.1 moved stream side
/// data into codecpar->coded_side_data and FFmpeg 7 removed av_stream_get_side_data.
static inline double cffmpeg_stream_display_rotation(const AVStream *stream) {
    const uint8_t *matrix = NULL;
#if LIBAVFORMAT_VERSION_INT >= AV_VERSION_INT(60, 15, 100)
    const AVPacketSideData *sd = av_packet_side_data_get(stream->codecpar->coded_side_data,
                                                         stream->codecpar->nb_coded_side_data,
                                                         AV_PKT_DATA_DISPLAYMATRIX);
    if (sd && sd->size >= 9 * 4) matrix = sd->data;
#else
    size_t size = 0;
    matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (size < 9 * 4) matrix = NULL;
#endif
    if (!matrix) return 0;
    double degrees = av_display_rotation_get((const int32_t *)matrix);
    return degrees != degrees ? 0 : degrees; // NaN for a degenerate matrix
}

/// Whether AVFormatContext.duration is a guess rather than stated by the container: estimated
/// from the bit rate, or (MPEG-PS/TS) from timestamps near the start and end of the file.
static inline int cffmpeg_duration_is_estimated(const AVFormatContext *ctx) {
    return ctx->duration_estimation_method != AVFMT_DURATION_FROM_STREAM;
}

#endif
