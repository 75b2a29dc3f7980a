"""Translation throughput next to spaCy's parse of the same text, in one run.

    python bench/bench_translate.py [--repeat 48] [--threads 2]

Translates Portuguese news paragraphs written for this benchmark (repeated ``--repeat``
times as separate articles) with the ``translate`` stage, then parses the English result
with the pipeline's spaCy model, and prints sentences per second for both and their ratio.
Target: translating an article costs no more than parsing it (ratio <= 1.0). Models are
loaded and warmed before the clock starts.
"""

from __future__ import annotations

import argparse
import sys
import time

PARAGRAPHS = (
    "LISBOA, 3 Mar (Reuters) - O governo de Moçambique e os rebeldes do norte assinaram um cessar-fogo "
    "na segunda-feira, depois de três dias de negociações mediadas pela União Africana em Maputo.",
    "O presidente Daniel Chapo disse que as tropas vão recuar das aldeias de Cabo Delgado até ao fim do "
    'mês. "Este acordo é o primeiro passo para a paz", afirmou aos jornalistas.',
    "Segundo o porta-voz Carlos Mondlane, cerca de 1.200 combatentes entregaram as armas desde meados de "
    "janeiro, e outros 300 devem fazê-lo nas próximas semanas.",
    "A oposição acusou o governo de prender 45 manifestantes em Nampula há duas semanas e exigiu a "
    "libertação imediata de todos os detidos.",
    "Os Estados Unidos e a União Europeia saudaram o acordo, mas ameaçaram impor novas sanções se a "
    "violência voltar. Há 18 meses, Washington suspendeu a ajuda militar ao país.",
    "Em Brasília, o ministro das Relações Exteriores, Mauro Vieira, afirmou que o Brasil está disposto a "
    "enviar observadores, e o Itamaraty confirmou que uma missão deve partir em abril.",
)


def articles(repeat: int) -> list[str]:
    """``repeat`` articles of all the paragraphs, each rotated so no two are identical."""
    out = []
    for k in range(repeat):
        turn = k % len(PARAGRAPHS)
        out.append("\n\n".join(PARAGRAPHS[turn:] + PARAGRAPHS[:turn]))
    return out


def main() -> int:
    from eventwire.config import Options
    from eventwire.model import Analysis, Article
    from eventwire.stages.parse import load_model
    from eventwire.stages.translate import Translator
    from eventwire.translation import FastTranslate

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=48)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    options = Options()
    engine = FastTranslate(threads=args.threads)
    stage = Translator(options, engine=engine)
    nlp = load_model(options.model, options.max_bytes + 1)
    texts = articles(args.repeat)
    work = [Analysis(article=Article(id=str(k), body=t, language="pt")) for k, t in enumerate(texts)]
    stage.pipe(work[:1])  # warm: loads the translation model
    list(nlp.pipe(["Warm up the parser."]))

    server = engine._server  # the bergamot program: its CPU time is not this process's
    started, cpu, program_cpu = time.perf_counter(), time.process_time(), server.cpu_seconds()
    done = stage.pipe(work)
    translate_s = time.perf_counter() - started
    translate_cpu = time.process_time() - cpu + server.cpu_seconds() - program_cpu
    english = [a.article.body for a in done]
    sentences = sum(len(a.article.alignment) for a in done)

    started, cpu = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(english, batch_size=options.batch_size))
    parse_s, parse_cpu = time.perf_counter() - started, time.process_time() - cpu
    parsed_sentences = sum(len(list(d.sents)) for d in docs)

    words = sum(len(d) for d in docs)
    sys.stdout.write(f"articles {len(texts)}, source sentences {sentences}, English tokens {words}\n")
    sys.stdout.write(
        f"translate ({args.threads} threads): {translate_s:7.2f} s wall {translate_cpu:7.2f} s CPU"
        f"  {sentences / translate_s:7.1f} sentences/s\n"
    )
    sys.stdout.write(
        f"spaCy parse (English):  {parse_s:7.2f} s wall {parse_cpu:7.2f} s CPU"
        f"  {parsed_sentences / parse_s:7.1f} sentences/s\n"
    )
    sys.stdout.write(f"translate / parse, wall time: {translate_s / parse_s:.2f} (target <= 1.00)\n")
    sys.stdout.write(f"translate / parse, CPU time:  {translate_cpu / parse_cpu:.2f} (translation program included)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
