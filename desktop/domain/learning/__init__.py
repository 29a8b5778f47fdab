"""What the learned suggester needs besides the model: character features and BIO
sequences over sentences (pure Python; desktop/services/learning.py trains and applies a
CRF over them)."""
