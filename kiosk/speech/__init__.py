"""Read-aloud: what a kiosk screen says, in the family's language, through espeak-ng offline.

The core stays free of audio: this package turns what a screen shows into words (words.py) and
speaks them through the machine's audio or, for tests and checking voices, into WAV files
(speaker.py). Directory text is always spoken as text: espeak-ng's SSML mode is never enabled.
"""
